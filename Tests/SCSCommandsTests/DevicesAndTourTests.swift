import Foundation
import StimSafety
import Testing

@testable import SCSCommands

@Suite("scs devices and scs tour")
struct DevicesAndTourTests {
    @Test func devicesListsTheBundledProfilesAsJSON() throws {
        let result = try SCSProcess.run(["devices", "--json"])
        #expect(result.status == 0)
        let list = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(
            Set(list.compactMap { $0["id"] as? String }) == [
                "tonic-16", "burst-16-primary", "hf10k-16", "drg-4x4", "paddle-32", "research-ins-16", "percept-pc",
            ])
    }

    @Test func devicesFitsIn120ColumnsAndSaysHowEachDeviceNumbersItsContacts() throws {
        let result = try SCSProcess.run(["devices"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 120 }, "\(lines.map(\.count).max() ?? 0) columns")
        // Percept numbers its contacts from 0, the SCS devices from 1.
        #expect(result.stdout.contains("contacts lead ZERO_SEVEN 0–7, lead EIGHT_FIFTEEN 8–15, case"))
        #expect(result.stdout.contains("contacts lead A 1–8, lead B 9–16, case"))
        #expect(result.stdout.contains("amplitude 0–6 mA, step 0.025 to 2, 0.05 to 6"))
        let json = try SCSProcess.run(["devices", "--json"])
        let list = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let percept = try #require(list.first { $0["id"] as? String == "percept-pc" })
        let leads = try #require(percept["leads"] as? [[String: Any]])
        #expect(leads.map { $0["contacts"] as? [Int] } == [Array(0...7), Array(8...15)])
    }

    @Test func numberingWritesRunsOfContacts() {
        #expect(DeviceSummary.numbering([1, 2, 3, 4]) == "1–4")
        #expect(DeviceSummary.numbering([0, 2, 3, 4, 7]) == "0, 2–4, 7")
        #expect(DeviceSummary.numbering([5]) == "5")
        #expect(DeviceSummary.numbering([]) == "")
    }

    @Test func theBundledProfilesAreFoundFromAnyWorkingDirectory() throws {
        let result = try SCSProcess.run(["devices"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0)
        #expect(result.stdout.contains("tonic-16"))
    }

    @Test func anEmptyDevicesFolderIsBadInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-empty-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try SCSProcess.run(["devices", "--devices", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(folder.lastPathComponent))
    }

    @Test func theTourRunsEveryStepOnTheBundledDefaultsAndLeavesItsFilesWhereItSays() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-tour-\(UUID())/out")
        let result = try SCSProcess.run(["tour", "--out", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")

        // Each step prints the command it runs, then that command's own output, in this order.
        let marks = [
            "$ scs devices", "burst-16-primary",
            "$ scs validate --device tonic-16 --amplitude 5", "Verdict  ACCEPTED",
            "$ scs validate --device tonic-16 --amplitude 10 --pulse-width 500", "Verdict  REJECTED",
            "$ scs envelope --device tonic-16 --contacts 1-,2+", "Safe envelope",
            "$ scs session --device tonic-16 --script", "slot 1 written and read back",
            "write 2 --amplitude 10", "refused, nothing sent", "slot 1 active", "therapy on",
            // Just switched on, the device is still ramping up: prompt and status show both amplitudes.
            "amplitude set: ramping to 3.5 mA", "→ 3.5 mA> status", "→ 3.5 mA (ramping)",
            "$ scs simulate --device tonic-16 --days 90 --seed 1", "90 days of tonic-16 written to",
            "$ scs analyze --strict", "Therapy", "HTML report written to", "Where things are",
        ]
        var rest = Substring(result.stdout)
        for mark in marks {
            guard let found = rest.range(of: mark) else {
                Issue.record("'\(mark)' is missing, or out of order, in:\n\(result.stdout)")
                break
            }
            rest = rest[found.upperBound...]
        }

        let script = folder.appendingPathComponent("session.scs").path
        let recording = folder.appendingPathComponent("tonic-16-90d.scsrec.jsonl").path
        let report = folder.appendingPathComponent("tonic-16-90d.html").path
        for file in [script, recording, report] {
            #expect(FileManager.default.fileExists(atPath: file), "\(file) was not written")
            #expect(result.stdout.contains(file), "the tour does not say where \(file) is")
        }

        // The recording reads strictly and is what `scs simulate` writes for the same device, days and seed.
        let strict = try SCSProcess.run(["analyze", "--strict", "--json", recording])
        #expect(strict.status == 0, "\(strict.stderr)")
        #expect(strict.stdout.contains("\"daysWithTherapy\" : 90"))
        let again = folder.appendingPathComponent("again.scsrec.jsonl").path
        let simulated = try SCSProcess.run([
            "simulate", "--device", "tonic-16", "--days", "90", "--seed", "1", "--out", again,
        ])
        #expect(simulated.status == 0, "\(simulated.stderr)")
        #expect(FileManager.default.contentsEqual(atPath: recording, andPath: again))

        // The report is one self-contained, well-formed page with its charts.
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(AnalyzeHTMLTests.wellFormednessProblems(html) == [])
        #expect(AnalyzeHTMLTests.fetchingMarkup(in: html) == [])
        #expect(html.contains("<svg"))
    }

    @Test func theTourSaysWhichOutputFolderItCannotMake() throws {
        let result = try SCSProcess.run(["tour", "--out", "/dev/null/out"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--out /dev/null/out"), "\(result.stderr)")
    }

    @Test func aTourStepShowsItsCommandAsAShellWouldReadIt() {
        let step = TourStep(
            title: "", arguments: ["envelope", "--contacts", "1-,2+", "--out", "my out/it's"], expectedStatus: 0)
        #expect(step.commandLine == #"scs envelope --contacts 1-,2+ --out 'my out/it'\''s'"#)
    }

    @Test func shorthandSplitsEvenlyInWholeFractionStepsFirstContactsTakingTheRest() throws {
        let shares = try ContactShorthand.parse("1-,2-,3-,4+", fractionStep: .init(units: 1))
        #expect(shares.map(\.percent.decimalText) == ["-34", "-33", "-33", "100"])
        let explicit = try ContactShorthand.parse("5-60,6-,case+", fractionStep: .init(units: 1))
        #expect(explicit.map(\.contact.description) == ["5", "6", "case"])
        #expect(explicit.map(\.percent.decimalText) == ["-60", "-40", "100"])
    }
}
