import Foundation
import Testing

/// `-` as an output names standard output: the document goes there, the command's own text goes to
/// standard error, and no file named `-` appears.
@Suite("- for standard output")
struct StandardOutputTests {
    static let recording = "Recordings/edge-cases/burst-with-cycling.scsrec.jsonl"

    /// A fresh working folder, so that a stray file named `-` would show.
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scs-stdout-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func expectNoFileNamedDash(in folder: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            !FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path),
            sourceLocation: sourceLocation)
    }

    @Test func simulateWritesTheRecordingToStandardOutputAndAnalyzeReadsItFromStandardInput() throws {
        let here = try folder()
        let simulated = try SCSProcess.run(["simulate", "--device", "tonic-16", "--days", "2", "--out", "-"], in: here)
        #expect(simulated.status == 0)
        #expect(simulated.stdout.hasPrefix(#"{"type":"header","format":"scs-recording""#))
        #expect(simulated.stderr.contains("2 days of tonic-16 written to -"))
        expectNoFileNamedDash(in: here)
        let analyzed = try SCSProcess.run(["analyze", "-", "--json"], in: here, input: simulated.stdout)
        #expect(analyzed.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(analyzed.stdout.utf8)) as? [String: Any]
        let recordings = try #require(document?["recordings"] as? [[String: Any]])
        #expect(recordings.first?["device"] as? String == "tonic-16")
    }

    @Test func analyzeWritesOnlyTheHTMLReportToStandardOutput() throws {
        let here = try folder()
        let path = SCSProcess.root.appendingPathComponent(Self.recording).path
        let result = try SCSProcess.run(["analyze", path, "--html", "-"], in: here)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(result.stdout.hasSuffix("</html>\n"))
        #expect(!result.stdout.contains("HTML report written"))
        expectNoFileNamedDash(in: here)
    }

    @Test func twoDocumentsCannotShareStandardOutput() throws {
        let analyzed = try SCSProcess.run(["analyze", Self.recording, "--html", "-", "--json"])
        #expect(analyzed.status == 2)
        #expect(analyzed.stdout.isEmpty)
        #expect(analyzed.stderr.hasPrefix("error: --html -: standard output already carries the --json document"))
        let imported = try SCSProcess.run([
            "import", "Tests/DeviceImportTests/Fixtures/percept-session.json", "--out", "-", "--json",
        ])
        #expect(imported.status == 2)
        #expect(imported.stdout.isEmpty)
        #expect(imported.stderr.hasPrefix("error: --json: standard output already carries the recording"))
    }

    @Test func importWritesTheRecordingToStandardOutputAndItsNotesToStandardError() throws {
        let here = try folder()
        let report = SCSProcess.root.appendingPathComponent("Tests/DeviceImportTests/Fixtures/percept-session.json")
        let result = try SCSProcess.run(["import", report.path, "--out", "-"], in: here)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(#"{"type":"header","format":"scs-recording""#))
        #expect(result.stdout.hasSuffix(#""type":"end"}"# + "\n"))
        #expect(result.stderr.contains("Import notes"))
        #expect(result.stderr.contains("written to -"))
        expectNoFileNamedDash(in: here)
    }

    @Test func checkWritesJUnitToStandardOutputAndItsResultsToStandardError() throws {
        let here = try folder()
        let plan = SCSProcess.root.appendingPathComponent("Tests/Plans/presets.yaml").path
        let result = try SCSProcess.run(["check", plan, "--junit", "-"], in: here)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
        #expect(result.stderr.contains("0 failed"))
        expectNoFileNamedDash(in: here)
    }
}
