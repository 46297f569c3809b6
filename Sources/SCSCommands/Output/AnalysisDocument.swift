import Foundation
import RecordingFormat
import Report

/// The `--json` document of `scs analyze`, `{"recordings": [...], "scsVersion": ...}` in
/// ``JSONOutput``'s layout, written one recording at a time and each in pieces, so that no report is
/// held whole (`docs/batch.md`).
struct AnalysisDocument {
    private static let head = "{\n  \"recordings\" : ["
    private static let tail = "\n  ],\n  \"scsVersion\" : \"\(SCSVersion.text)\"\n}\n"

    private let write: ([UInt8]) -> Void
    private var hasRecordings = false

    /// - Parameter write: Where the UTF-8 text goes (standard output, after what `print` buffered, and
    ///   like `print` without a word on a failed write; a test's sink).
    init(
        write: @escaping ([UInt8]) -> Void = { text in
            fflush(nil)
            try? FileHandle.standardOutput.write(contentsOf: text)
        }
    ) {
        self.write = write
    }

    /// Writes `recording` as the array's next item, in pieces as the writer makes them: a report of many
    /// megabytes is never held whole.
    mutating func append(_ recording: AnalyzedRecording) throws {
        write(Array(((hasRecordings ? "," : Self.head) + "\n    ").utf8))
        var writer = JSONTextWriter(pretty: true, depth: 2, chunksOf: 1 << 16, to: write)
        try recording.write(to: &writer)
        writer.flush()
        hasRecordings = true
    }

    /// Ends the document; an empty array is written across two line breaks, as the encoder writes it.
    func finish() {
        write(Array(((hasRecordings ? "" : Self.head + "\n") + Self.tail).utf8))
    }
}
