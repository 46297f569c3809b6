import Foundation
import Testing

@Suite("scs session --usb and scs replay --target usb", .enabled(if: EmulatedUSB.isAvailable, EmulatedUSB.skipMessage))
struct UsbSessionAndReplayTests {
    @Test func aScriptedSessionProgramsTheVirtualStimulatorOverUSB() throws {
        let file = try temporaryFile(SessionCommandTests.script, name: "usb.scs")
        let result = try EmulatedUSB.run(["session", "--usb", "--script", file])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("connected to"))
        #expect(result.stdout.contains("EMU-0001"))
        #expect(result.stdout.contains("slot 1 written and read back"))
    }

    @Test func aSessionChoosesAmongSeveralBySerial() throws {
        let emulate = ["--serial", "SES-A", "--serial", "SES-B"]
        let chosen = try EmulatedUSB.run(
            ["session", "--usb", "--serial", "SES-B"], emulating: emulate, input: "status\n")
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(chosen.stdout.contains("SES-B"))
        let ambiguous = try EmulatedUSB.run(["session", "--usb"], emulating: emulate, input: "status\n")
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("2 stimulators on USB; choose one with --serial SERIAL"))
    }

    @Test func aSessionTakesExactlyOneTarget() throws {
        let result = try SCSProcess.run(["session", "--usb", "--device", "tonic-16"], input: "status\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("give exactly one of --socket PATH, --device ID and --usb"))
    }

    @Test func aCleanRecordingReplaysOverUSBWithNoDivergence() throws {
        // Clinician and patient events alternate, so the replay closes and reopens the device.
        let file = try ReplayCommandTests.recording(ReplayCommandTests.clean)
        let result = try EmulatedUSB.run(["replay", file, "--target", "usb", "--json"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((report["divergences"] as? [Any])?.isEmpty == true)
        #expect(report["commands"] as? Int == 5)
        #expect(report["target"] as? String == "USB stimulator")
    }

    @Test func aReplayRefusesAUSBStimulatorOfAnotherModel() throws {
        let file = try ReplayCommandTests.recording(ReplayCommandTests.clean)
        let result = try EmulatedUSB.run(["replay", file, "--target", "usb"], emulating: ["--device", "drg-4x4"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("the device is a drg-4x4, not the tonic-16 the replay is for"))
    }

    @Test func aSerialWithoutAUSBTargetIsBadInput() throws {
        let file = try ReplayCommandTests.recording(ReplayCommandTests.clean)
        let result = try SCSProcess.run(["replay", file, "--target", "simulator", "--serial", "X-1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--serial X-1: chooses a stimulator on USB"))
    }
}
