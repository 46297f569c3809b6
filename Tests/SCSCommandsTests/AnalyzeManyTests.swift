import Foundation
import Testing

/// `scs analyze` over several files and folders, on every core (`docs/cli.md` §analyze).
@Suite("scs analyze of several recordings")
struct AnalyzeManyTests {
    static let simulated = "Recordings/simulated"
    static let edge = "Recordings/edge-cases"

    static func reports(_ stdout: String) throws -> [NSDictionary] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        return try #require(document["recordings"] as? [NSDictionary])
    }

    @Test func severalFilesGiveTheReportsEachGivesAloneInTheOrderGiven() throws {
        let files = [
            "\(Self.edge)/out-of-order.scsrec.jsonl", "\(Self.simulated)/tonic-16-120d.scsrec.jsonl",
            "\(Self.edge)/burst-with-cycling.scsrec.jsonl", "\(Self.edge)/midnight-boundaries.scsrec.jsonl",
        ]
        let together = try SCSProcess.run(["analyze"] + files + ["--json", "--jobs", "3"])
        #expect(together.status == 0)
        let reports = try Self.reports(together.stdout)
        #expect(reports.count == files.count)
        for (file, report) in zip(files, reports) {
            let alone = try SCSProcess.run(["analyze", file, "--json"])
            #expect(try Self.reports(alone.stdout) == [report], "\(file)")
        }
    }

    @Test func oneCoreAndEveryCoreWriteTheSameBytes() throws {
        let arguments = ["analyze", Self.simulated, "\(Self.edge)/charges-impedance-safety.scsrec.jsonl"]
        let one = try SCSProcess.run(arguments + ["--jobs", "1"])
        let all = try SCSProcess.run(arguments)
        #expect(one.status == 0)
        #expect(!one.stdout.isEmpty)
        #expect(all.stdout == one.stdout)
    }

    @Test func aFolderStandsForItsRecordingsAndDeviceLogsAtAnyDepthInNameOrder() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = try String(
            contentsOfFile: "\(SCSProcess.root.path)/\(Self.edge)/out-of-order.scsrec.jsonl", encoding: .utf8)
        let write = { (name: String, text: String) in
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write("b.scsrec.jsonl", recording)
        try write("a/z.scsrec.jsonl", recording)
        try write("a.scsrec.jsonl", recording)
        try write("README.md", "notes")
        try write(".hidden.scsrec.jsonl", "not read")
        try write("a.expected.json", #"{"file": "an earlier report", "device": "tonic-16"}"#)
        let fixtures = SCSProcess.root.appendingPathComponent("Tests/DeviceImportTests/Fixtures")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: fixtures.appendingPathComponent("percept-session.json"),
            to: folder.appendingPathComponent("logs/percept.json"))
        try FileManager.default.copyItem(
            at: fixtures.appendingPathComponent("rcs-session"), to: folder.appendingPathComponent("logs/rcs"))
        let result = try SCSProcess.run(["analyze", folder.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let reports = try Self.reports(result.stdout)
        #expect(
            reports.map { $0["file"] as? String }
                == ["a.scsrec.jsonl", "a/z.scsrec.jsonl", "b.scsrec.jsonl", "logs/percept.json", "logs/rcs"].map {
                    "\(folder.path)/\($0)"
                })
        #expect(reports.suffix(2).allSatisfy { $0["import"] != nil })
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try SCSProcess.run(["analyze", empty.path])
        #expect(none.status == 2)
        #expect(none.stderr.contains("\(empty.path): no recordings"))
    }

    @Test func eachBadFileIsOneErrorLineWhileTheGoodOnesAreReportedInTheOrderGiven() throws {
        let good = ["\(Self.simulated)/tonic-16-120d.scsrec.jsonl", "\(Self.edge)/midnight-boundaries.scsrec.jsonl"]
        let files = [good[0], "\(Self.edge)/newer-version.scsrec.jsonl", good[1], "\(Self.edge)/empty.scsrec.jsonl"]
        for jobs in ["1", "3"] {
            let json = try SCSProcess.run(["analyze"] + files + ["--json", "--jobs", jobs])
            #expect(json.status == 2)
            #expect(try Self.reports(json.stdout).map { $0["file"] as? String } == good)
            let errors = json.stderr.split(separator: "\n")
            #expect(errors.count == 2, "\(json.stderr)")
            #expect(errors.first?.hasPrefix("error: \(Self.edge)/newer-version.scsrec.jsonl: line 1: ") == true)
            #expect(errors.last?.hasPrefix("error: \(Self.edge)/empty.scsrec.jsonl: ") == true)
        }
        let text = try SCSProcess.run(["analyze"] + files)
        #expect(text.status == 2)
        #expect(good.allSatisfy { text.stdout.contains($0) })
        #expect(text.stderr.split(separator: "\n").count == 2)
    }

    @Test func whenEveryRecordingFailsTheJSONDocumentHasNoneAndTheStatusIsTwo() throws {
        let result = try SCSProcess.run([
            "analyze", "\(Self.edge)/newer-version.scsrec.jsonl", "\(Self.edge)/empty.scsrec.jsonl", "--json",
        ])
        #expect(result.status == 2)
        #expect(try Self.reports(result.stdout).isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 2)
    }

    @Test func aStrictStopInOneOfSeveralExitsOneNamingTheLineAndBadInputBesideItExitsTwo() throws {
        let stopped = [
            "--strict", "\(Self.edge)/midnight-boundaries.scsrec.jsonl", "\(Self.edge)/malformed-lines.scsrec.jsonl",
        ]
        let result = try SCSProcess.run(["analyze"] + stopped)
        #expect(result.status == 1)
        #expect(result.stdout.contains("midnight-boundaries.scsrec.jsonl"))
        #expect(!result.stdout.contains("malformed-lines"))
        #expect(result.stderr.contains("malformed-lines.scsrec.jsonl: line 4: "))
        let worse = try SCSProcess.run(["analyze"] + stopped + ["\(Self.edge)/empty.scsrec.jsonl"])
        #expect(worse.status == 2)
        #expect(worse.stderr.split(separator: "\n").count == 2)
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scs-many-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
