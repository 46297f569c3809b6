import Report

/// The `--json` document of `scs analyze`, `{"recordings": [...], "scsVersion": ...}` in
/// ``JSONOutput``'s layout, written one recording at a time so that no report is held once written
/// (`docs/batch.md`).
struct AnalysisDocument {
    private static let head = "{\n  \"recordings\" : ["
    private static let tail = "\n  ],\n  \"scsVersion\" : \"\(SCSVersion.text)\"\n}\n"

    private let write: (String) -> Void
    private var hasRecordings = false

    /// - Parameter write: Where the text goes (standard output; a test's sink).
    init(write: @escaping (String) -> Void = { print($0, terminator: "") }) {
        self.write = write
    }

    /// Writes `recording` as the array's next item.
    mutating func append(_ recording: AnalyzedRecording) throws {
        let text = try recording.jsonText(pretty: true, depth: 2)
        write((hasRecordings ? "," : Self.head) + "\n    " + text)
        hasRecordings = true
    }

    /// Ends the document; an empty array is written across two line breaks, as the encoder writes it.
    func finish() {
        write((hasRecordings ? "" : Self.head + "\n") + Self.tail)
    }
}
