import Foundation
import Report
import Testing

@testable import SCSCommands

/// `scs analyze --json` of several recordings, written one recording at a time (`docs/batch.md`).
@Suite("The --json document written as a stream")
struct AnalysisDocumentStreamTests {
    static let files = [
        "Recordings/edge-cases/out-of-order.scsrec.jsonl", "Recordings/simulated/tonic-16-120d.scsrec.jsonl",
        "Tests/DeviceImportTests/Fixtures/percept-session.json",
    ]

    /// The document with a placeholder for each recording, as Foundation's encoder writes it.
    private struct Skeleton: Encodable {
        var recordings: [Int]
        var scsVersion = SCSVersion.text
    }

    @Test(arguments: 0...3)
    func theStreamWritesTheEncodersDocumentAroundEachRecording(count: Int) throws {
        let job = AnalysisJob(catalog: try ProfileSource.catalog(in: nil))
        let recordings = try Self.files.prefix(count).map { file in
            let analysis = try job.analyze(SCSProcess.root.appendingPathComponent(file).path)
            return AnalyzedRecording(report: analysis.report, imported: analysis.imported)
        }
        var written = ""
        var document = AnalysisDocument { written += String(decoding: $0, as: UTF8.self) }
        for recording in recordings { try document.append(recording) }
        document.finish()

        // Each placeholder stands on its own line, indented for the array's items.
        var expected = try JSONOutput.encode(Skeleton(recordings: Array(repeating: 7, count: count))) + "\n"
        for recording in recordings {
            let placeholder = try #require(expected.range(of: "    7"))
            expected.replaceSubrange(placeholder, with: "    " + (try recording.jsonText(pretty: true, depth: 2)))
        }
        #expect(written == expected)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
        #expect((parsed["recordings"] as? [[String: Any]])?.count == count)
    }
}
