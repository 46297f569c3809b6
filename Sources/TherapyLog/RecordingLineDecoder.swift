import RecordingFormat

/// Turns the bytes of one line of a recording into a header, an event or a problem.
///
/// The reader owns everything that spans lines (line numbers, time order, truncation, strictness);
/// a decoder sees one line at a time. ``StrictLineDecoder`` is the one `scs` uses; the tests and the
/// benchmarks plug in Foundation's decoders for comparison.
public protocol RecordingLineDecoder {
    /// Decodes the first line, which must be a recording header; the error names line 1.
    mutating func decodeHeader(_ line: UnsafeRawBufferPointer) throws(RecordingError) -> RecordingHeader

    /// Decodes any later line.
    mutating func decodeEvent(_ line: UnsafeRawBufferPointer) -> DecodedLine
}

/// What one line (after the header) says.
public enum DecodedLine: Hashable, Sendable {
    /// A valid event and the time written on it.
    case event(time: Timestamp, event: RecordingEvent)
    /// A line that is skipped, with the kind and the reason of its finding.
    case problem(ReadingFinding.Kind, String)
}

/// A problem found while decoding one line: the finding it becomes.
struct LineProblem: Error, Hashable {
    var kind: ReadingFinding.Kind
    var message: String

    init(_ kind: ReadingFinding.Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
