import Report

/// The `--json` document of `scs analyze`: the version of scs that wrote it and one report per file.
struct AnalysisDocument: Encodable {
    var scsVersion = SCSVersion.text
    var recordings: [AnalyzedRecording]

    /// The document written one recording at a time, so that no report is held once written: the
    /// same bytes as ``JSONOutput/write(_:)`` of the whole document (`docs/batch.md`).
    struct Stream {
        /// The document of one recording is this head, the recording as it stands in any longer
        /// array (indented for its depth), and ``tail``.
        private static let head = "{\n  \"recordings\" : [\n"
        private static let tail = "\n  ],\n  \"scsVersion\" : \"\(SCSVersion.text)\"\n}"

        private let write: (String) -> Void
        private var hasRecordings = false

        /// - Parameter write: Where the text goes (standard output; a test's sink).
        init(write: @escaping (String) -> Void = { print($0, terminator: "") }) {
            self.write = write
        }

        /// Writes `recording` as the array's next item.
        mutating func append(_ recording: AnalyzedRecording) throws {
            let whole = try JSONOutput.encode(AnalysisDocument(recordings: [recording]))
            write((hasRecordings ? ",\n" : Self.head) + whole.dropFirst(Self.head.count).dropLast(Self.tail.count))
            hasRecordings = true
        }

        /// Ends the document; with no recording, writes the whole (empty) one.
        func finish() throws {
            write(hasRecordings ? Self.tail + "\n" : try JSONOutput.encode(AnalysisDocument(recordings: [])) + "\n")
        }
    }
}
