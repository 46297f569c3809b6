import Foundation
import Testing

@Suite("scs analyze")
struct AnalyzeCommandTests {
    static func path(_ name: String) -> String { "Recordings/edge-cases/\(name).scsrec.jsonl" }

    static func recordings(_ stdout: String) throws -> [[String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        return try #require(document["recordings"] as? [[String: Any]])
    }

    @Test func jsonHasOneReportPerFileWithTheFieldsOfTheFormat() throws {
        let result = try SCSProcess.run([
            "analyze", Self.path("out-of-order"), Self.path("burst-with-cycling"), "--json",
        ])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let reports = try Self.recordings(result.stdout)
        #expect(reports.count == 2)
        #expect(
            Set(reports[0].keys) == [
                "file", "device", "serial", "start", "end", "truncated", "recordedHours", "therapyHours",
                "usagePercent", "days", "daysWithTherapy", "programs", "adjustments", "rejected", "charges",
                "impedanceAlerts", "deliveredCharge", "safety", "findings",
            ])
        #expect(reports[0]["file"] as? String == Self.path("out-of-order"))
        #expect(reports[0]["therapyHours"] as? Double == 10)
        #expect(reports[1]["device"] as? String == "burst-16-primary")
        #expect((reports[1]["deliveredCharge"] as? Double).map { abs($0 - 2.88) < 1e-9 } == true)
        let charges = try #require(reports[1]["charges"] as? [String: Any])
        #expect(charges["meanIntervalHours"] is NSNull)
    }

    @Test func lenientReadingReportsBadLinesAsFindingsAndExitsZero() throws {
        let result = try SCSProcess.run(["analyze", Self.path("malformed-lines"), "--json"])
        #expect(result.status == 0)
        let findings = try #require(try Self.recordings(result.stdout).first?["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["line"] as? Int } == [4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 16])
    }

    @Test func strictReadingStopsAtTheFirstBadLineNamingFileAndLineAndExitsOne() throws {
        let result = try SCSProcess.run(["analyze", "--strict", Self.path("malformed-lines"), "--json"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("malformed-lines.scsrec.jsonl: line 4: invalid-json"))
    }

    @Test func strictReadingExitsOneOnAnyFindingButStillReports() throws {
        let result = try SCSProcess.run(["analyze", "--strict", Self.path("out-of-order")])
        #expect(result.status == 1)
        #expect(result.stdout.contains("out-of-order"))
        let clean = try SCSProcess.run(["analyze", "--strict", Self.path("midnight-boundaries")])
        #expect(clean.status == 0)
    }

    @Test(arguments: [
        ("newer-version", "line 1: recording format version 2 is newer"), ("empty", "the file is empty"),
    ])
    func anUnreadableRecordingIsBadInputNamingTheFile(_ name: String, _ message: String) throws {
        let result = try SCSProcess.run(["analyze", Self.path(name)])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(name).scsrec.jsonl: \(message)"))
    }

    @Test func aBinaryFileANonRecordingAndAMissingFileAreBadInput() throws {
        let binary = try temporaryFile("\u{7F}ELF\u{2}\u{1}\u{0}\u{0}", name: "a.out")
        let csv = try temporaryFile("time,amplitude\n08:00,4.5\n", name: "log.csv")
        for (file, message) in [
            (binary, "a binary file"), (csv, "line 1: not a recording"),
            ("/nonexistent/missing.scsrec.jsonl", "cannot read the file"),
        ] {
            let result = try SCSProcess.run(["analyze", file])
            #expect(result.status == 2)
            #expect(result.stderr.contains("\(file): \(message)"))
        }
    }

    @Test func anUnknownDeviceInTheHeaderOrOnTheCommandLineIsBadInput() throws {
        let recording = try temporaryFile(
            #"{"type":"header","format":"scs-recording","version":1,"device":"nope-9","serial":"s","start":"2026-01-01T00:00:00Z"}"#
                + "\n", name: "unknown.scsrec.jsonl")
        let header = try SCSProcess.run(["analyze", recording])
        #expect(header.status == 2)
        #expect(header.stderr.contains("unknown.scsrec.jsonl: line 1: unknown device 'nope-9'"))
        let flag = try SCSProcess.run(["analyze", Self.path("out-of-order"), "--device", "nope-9"])
        #expect(flag.status == 2)
        #expect(flag.stderr.contains("--device: unknown device 'nope-9'"))
    }

    @Test func theDeviceOptionOverridesTheHeadersDevice() throws {
        let result = try SCSProcess.run(["analyze", Self.path("burst-with-cycling"), "--device", "tonic-16", "--json"])
        #expect(result.status == 0)
        let report = try #require(try Self.recordings(result.stdout).first)
        #expect(report["device"] as? String == "burst-16-primary")
        let safety = try #require(report["safety"] as? [String: Any])
        #expect((safety["rules"] as? [String])?.contains("waveform.supported") == true)
    }

    @Test func theTerminalReportHasEverySectionAndADailyStrip() throws {
        let result = try SCSProcess.run(["analyze", Self.path("charges-impedance-safety")])
        #expect(result.status == 0)
        for expected in [
            "Recording  Recordings/edge-cases/charges-impedance-safety.scsrec.jsonl",
            "Therapy    12 h delivered (12.5 % of the recorded time) · on 1 of 4 days",
            "Programs", "7.67 mA", "Adjustments  2 by the patient, 1 by the clinician",
            "Rejected     3 commands: patientRange ×2, amplitude.range ×1, shannon ×1",
            "Charges      3 sessions, one every 30 h on average", "Impedance    4 alerts outside 250–4000 Ω",
            "Safety       2 events with errors, 4 with warnings: compliance, patientRange, patientRange.shannon, shannon",
            "2026-10-01  ▄···",
        ] {
            #expect(result.stdout.contains(expected), "missing: \(expected)")
        }
    }

    @Test func atLeastOneFileIsRequired() throws {
        let result = try SCSProcess.run(["analyze"])
        #expect(result.status == 2)
    }
}
