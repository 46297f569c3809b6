import Foundation
import Testing

@testable import ProgrammerUI

@Suite("The workbench behind the page")
struct WorkbenchTests {
    static let badMessages = [
        ("{not json", "message:"),
        (#"{"type":"launch"}"#, "'launch' is not one of"),
        (checkMessage(amplitude: "2", type: "write", slot: 9), "slot: tonic-16 has slots 1…4 (got 9)"),
        (checkMessage(amplitude: "3.33333333"), "program.amplitude: must have at most 6 decimal places"),
        (#"{"type":"check","program":{"amplitude":"x"}}"#, "program.amplitude"),
        (#"{"type":"therapy","on":"yes please"}"#, "on: must be true or false"),
        (#"["check"]"#, "message:"),
    ]

    @Test("A safe program is accepted with its metrics, envelope and clickable diagram")
    func safeProgramIsAccepted() async throws {
        let workbench = try await Workbench.simulator()
        let answers = await workbench.answers(checkMessage(amplitude: "3"))
        let verdict = try #require(answers.first { $0.type == "verdict" }?.data)
        let report = try #require(verdict["report"] as? [String: Any])
        #expect(report["verdict"] as? String == "accepted")
        #expect(report["maySend"] as? Bool == true)
        let metrics = try #require(report["metrics"] as? [String: Any])
        #expect(metrics["chargePerPhase"] as? Double == 0.9)
        // tonic-16 marks battery.usableFraction assumed: the recharge interval is an estimate.
        #expect((report["assumed"] as? [String: [String]])?["rechargeIntervalDays"] == ["battery.usableFraction"])
        let grid = try #require((verdict["envelope"] as? [String: Any])?["grid"] as? [String: Any])
        #expect((grid["pulseWidths"] as? [Double])?.contains(300) == true)
        let diagram = try #require(verdict["diagram"] as? String)
        #expect(diagram.contains(#"data-contact="2""#) && diagram.contains(#"data-contact="case""#))
        await workbench.close()
    }

    @Test("An amplitude above the Shannon limit is rejected and each finding names its rule and values")
    func unsafeAmplitudeIsRejectedWithReasons() async throws {
        let workbench = try await Workbench.simulator()
        let answers = await workbench.answers(checkMessage(amplitude: "10"))
        let report = try #require((answers.first { $0.type == "verdict" }?.data["report"]) as? [String: Any])
        #expect(report["verdict"] as? String == "rejected")
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.first?["rule"] as? String == "shannon")
        #expect((findings.first?["message"] as? String)?.contains("1.8661 is above the rejection limit 1.85") == true)
        await workbench.close()
    }

    @Test("A warning must be acknowledged by its rule id before the slot is written")
    func warningNeedsAcknowledgementToWrite() async throws {
        let workbench = try await Workbench.simulator()
        let refused = await workbench.answers(checkMessage(amplitude: "9.8", type: "write"))
        #expect(refused.first?.type == "refused")
        #expect(
            (refused.first?.data["message"] as? String)?.contains("acknowledge each warning: --acknowledge shannon")
                == true)
        #expect(slotPrograms(refused.last?.data) == [nil, nil, nil, nil])
        let written = await workbench.answers(checkMessage(amplitude: "9.8", type: "write", acknowledge: ["shannon"]))
        #expect(written.first?.type == "done")
        #expect(slotPrograms(written.last?.data).first??.contains("9.8 mA") == true)
        await workbench.close()
    }

    @Test("Activate, therapy on and an amplitude increase show the device ramping")
    func sessionChangesTheDevice() async throws {
        let workbench = try await Workbench.simulator()
        _ = await workbench.answers(checkMessage(amplitude: "2", type: "write"))
        #expect(await workbench.answers(#"{"type":"activate","slot":1}"#).first?.type == "done")
        let on = await workbench.answers(#"{"type":"therapy","on":true}"#).last?.data
        #expect((on?["status"] as? [String: Any])?["therapyOn"] as? Bool == true)
        let state = await workbench.answers(#"{"type":"adjust","amplitude":4}"#).last?.data
        #expect((state?["status"] as? [String: Any])?["targetAmplitude"] as? Double == 4)
        #expect(state?["ramping"] as? Bool == true)
        await workbench.close()
    }

    @Test("Measured impedances are drawn on the diagram, and the envelope is sent again only when it changes")
    func impedancesOnTheDiagram() async throws {
        let workbench = try await Workbench.simulator()
        let first = try #require(await workbench.answers(checkMessage(amplitude: "3")).first?.data)
        let version = try #require(first["envelopeVersion"] as? Int)
        let again = await workbench.answers(checkMessage(amplitude: "4", envelope: version)).first?.data
        #expect(again?["envelope"] == nil && again?["diagram"] == nil && again?["envelopeVersion"] as? Int == version)
        #expect((first["diagram"] as? String)?.contains(" Ω") == false)
        #expect(await workbench.answers(#"{"type":"impedance"}"#).first?.type == "done")
        let measured = try #require(
            await workbench.answers(checkMessage(amplitude: "3", envelope: version)).first?.data)
        #expect((measured["diagram"] as? String)?.contains(" Ω") == true)
        #expect(measured["envelope"] != nil && measured["envelopeVersion"] as? Int == version + 1)
        await workbench.close()
    }

    @Test(
        "Malformed or out-of-range messages get a 400 that names the field, and change nothing",
        arguments: badMessages)
    func badMessagesAreErrors(message: String, expected: String) async throws {
        let workbench = try await Workbench.simulator()
        let answers = await workbench.answers(message)
        #expect(answers.count == 1)
        #expect(answers.first?.type == "error")
        #expect(answers.first?.data["status"] as? Int == 400)
        let text = try #require(answers.first?.data["message"] as? String)
        #expect(text.contains(expected), "\(text)")
        let status = await workbench.answers(#"{"type":"state"}"#).last?.data["status"] as? [String: Any]
        #expect(status?["therapyOn"] as? Bool == false && status?["activeSlot"] == nil)
        await workbench.close()
    }

    @Test("The patient's remote may not write a program, and the refusal says what it may do")
    func patientModeRefusesWrites() async throws {
        let workbench = try await Workbench.simulator()
        _ = await workbench.answers(#"{"type":"role","role":"patient"}"#)
        let answers = await workbench.answers(checkMessage(amplitude: "2", type: "write"))
        #expect(answers.first?.type == "refused")
        #expect((answers.first?.data["message"] as? String)?.contains("a patient's remote may not write") == true)
        #expect(answers.last?.data["role"] as? String == "patient")
        await workbench.close()
    }

    @Test("Choosing another device switches the in-process simulator and describes its grids")
    func selectingADeviceDescribesIt() async throws {
        let workbench = try await Workbench.simulator()
        let hello = try #require(await workbench.answers(#"{"type":"device","device":"burst-16-primary"}"#).first)
        #expect(hello.type == "hello")
        let device = try #require(hello.data["device"] as? [String: Any])
        #expect((device["summary"] as? [String: Any])?["id"] as? String == "burst-16-primary")
        #expect(device["burst"] != nil)
        #expect(await workbench.answers(#"{"type":"device","device":"nope"}"#).first?.type == "error")
        await workbench.close()
    }

    @Test("A recording replays into the connected simulator with progress, then its report")
    func recordingReplaysWithProgress() async throws {
        let workbench = try await Workbench.simulator()
        let recording = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Recordings/simulated/tonic-16-120d.scsrec.jsonl")
        let answers = await workbench.answers(#"{"type":"replay","path":"\#(recording.path)"}"#)
        let progress = answers.filter { $0.type == "progress" }
        #expect(!progress.isEmpty)
        #expect(progress.last?.data["total"] as? Int == 647)
        let report = try #require(answers.first { $0.type == "replayed" }?.data)
        #expect((report["commands"] as? Int ?? 0) > 0)
        #expect((report["divergences"] as? [Any])?.isEmpty == true)
        let missing = await workbench.answers(#"{"type":"replay","path":"/no/such.scsrec.jsonl"}"#)
        #expect(missing.first?.type == "error" && missing.first?.data["status"] as? Int == 400)
        await workbench.close()
    }
}
