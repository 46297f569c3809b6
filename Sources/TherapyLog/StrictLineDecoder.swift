import RecordingFormat

/// The line decoder `scs analyze` and `scs import` read recordings with: one strict JSON reading
/// (RFC 8259, UTF-8, `docs/recording-format.md` §1) and one schema (``EventDecoder``).
///
/// A line in the layout the writer gives the frequent events is read straight from its bytes
/// (``WrittenLayout``): such a line is JSON with one reading, so matching the layout decodes it.
/// Every other line, a valid one in another spelling or any line with a problem, is parsed by
/// ``JSONParser`` in strict mode and read by ``EventDecoder``; the fuzz target and the tests hold
/// both paths to the same events.
public struct StrictLineDecoder: RecordingLineDecoder {
    /// The date of the last time read in the written layout.
    private var day: Timestamp.DayMemo?

    public init() {}

    public mutating func decodeHeader(_ line: UnsafeRawBufferPointer) throws(RecordingError) -> RecordingHeader {
        switch Self.object(line) {
        case .failure(let problem): throw RecordingError(line: 1, reason: .notARecording(problem.message))
        case .success(let fields): try HeaderDecoder.decode(fields)
        }
    }

    public mutating func decodeEvent(_ line: UnsafeRawBufferPointer) -> DecodedLine {
        if let decoded = WrittenLayout.decode(line, day: &day) { return decoded }
        return Self.parsedEvent(line)
    }

    /// The line read by the parser and the schema, without the written-layout path: what that path
    /// must agree with. Kept out of line, so that the usual line's path stays small enough to be
    /// compiled into the reader's loop.
    @inline(never)
    package static func parsedEvent(_ line: UnsafeRawBufferPointer) -> DecodedLine {
        switch object(line) {
        case .failure(let problem): .problem(problem.kind, problem.message)
        case .success(let fields): EventDecoder.decode(fields)
        }
    }

    /// Parses the line as one JSON object.
    private static func object(_ line: UnsafeRawBufferPointer) -> Result<ObjectFields, LineProblem> {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            return .failure(LineProblem(.invalidJSON, "empty line"))
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(line, mode: .strict).value
        } catch {
            return .failure(
                LineProblem(.invalidJSON, "not valid JSON: \(error.message) (column \(error.position.column))"))
        }
        guard case .object(let members) = value else {
            return .failure(LineProblem(.wrongType, "the line is not a JSON object"))
        }
        return .success(ObjectFields(members))
    }
}
