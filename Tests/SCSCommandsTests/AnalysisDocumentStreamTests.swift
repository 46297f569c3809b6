import Foundation
import Testing

@testable import SCSCommands

/// `scs analyze --json` of several recordings, written one recording at a time (`docs/batch.md`).
@Suite("The --json document written as a stream")
struct AnalysisDocumentStreamTests {
    static let files = [
        "Recordings/edge-cases/out-of-order.scsrec.jsonl", "Recordings/simulated/tonic-16-120d.scsrec.jsonl",
        "Tests/DeviceImportTests/Fixtures/percept-session.json",
    ]

    @Test(arguments: 0...3)
    func theStreamWritesTheBytesOfTheWholeDocument(count: Int) throws {
        let job = AnalysisJob(catalog: try ProfileSource.catalog(in: nil))
        let recordings = try Self.files.prefix(count).map { file in
            let analysis = try job.analyze(SCSProcess.root.appendingPathComponent(file).path)
            return AnalyzedRecording(report: analysis.report, imported: analysis.imported)
        }
        var written = ""
        var stream = AnalysisDocument.Stream { written += $0 }
        for recording in recordings { try stream.append(recording) }
        try stream.finish()
        #expect(written == (try JSONOutput.encode(AnalysisDocument(recordings: recordings))) + "\n")
    }
}
