import RecordingFormat

/// The fast line decoder: a JSON scanner specialised to reading this schema, with the same outcome
/// as ``FoundationLineDecoder`` for every line.
///
/// A line in the layout the writer gives the frequent small events is read straight from its bytes
/// (``WrittenLayout``). Any other line is read once into a reusable token list (``JSONScanner``; a
/// line that is one object of scalar members, in a single pass without recursion), accepting and
/// refusing exactly what Foundation's `JSONSerialization` does, then reads the fields the schema
/// asks for straight from the bytes (``TapeFields``): no Foundation, no dictionary and no string for
/// keys on the way, so a line allocates only what its event holds (a program's contacts, an
/// impedance map, a fault's text). Numbers too long or too large to read exactly on their own, and
/// lines in UTF-16 or UTF-32, take a slower path that gives Foundation's values. The schema rules
/// are ``EventDecoder``'s, shared with the reference decoder; a differential test holds the two to
/// the same events and the same kinds of finding.
public struct ScanningLineDecoder: RecordingLineDecoder {
    private var tokens: [JSONToken] = []
    /// The flat path's tokens: ``JSONScanner/flatTokenLimit`` of them, overwritten by each line.
    private var flatTokens = [JSONToken](
        repeating: JSONToken(kind: .null, flags: [], start: 0, end: 0, next: 0), count: JSONScanner.flatTokenLimit)
    private var transcoded: [UInt8] = []
    /// The date of the last time read in the written layout.
    private var day: Timestamp.DayMemo?

    public init() {
        tokens.reserveCapacity(64)
    }

    public mutating func decodeHeader(_ line: UnsafeRawBufferPointer) throws(RecordingError) -> RecordingHeader {
        let decoded = withObject(line) { fields in
            Result { () throws(RecordingError) in try HeaderDecoder.decode(fields) }
        } failure: { problem in
            .failure(RecordingError(line: 1, reason: .notARecording(problem.message)))
        }
        return try decoded.get()
    }

    public mutating func decodeEvent(_ line: UnsafeRawBufferPointer) -> DecodedLine {
        if let decoded = WrittenLayout.decode(line, day: &day) { return decoded }
        if let decoded = decodeFlatEvent(line) { return decoded }
        return withObject(line, EventDecoder.decode, failure: Self.problem)
    }

    /// The usual line, one object of plain keys and scalar values in UTF-8, scanned and looked up in
    /// one pass; nil for any other line, which the general path reads.
    private mutating func decodeFlatEvent(_ line: UnsafeRawBufferPointer) -> DecodedLine? {
        guard LineEncoding(detecting: line) == .utf8(skip: 0) else { return nil }
        return flatTokens.withUnsafeMutableBufferPointer { tokens in
            guard let (tokenCount, hasUnrepresentable) = JSONScanner.scanFlatObject(line, into: tokens) else {
                return nil
            }
            return Self.withScanned(
                UnsafeBufferPointer(rebasing: tokens[..<tokenCount]), line, hasUnrepresentable: hasUnrepresentable,
                EventDecoder.decode, failure: Self.problem)
        }
    }

    /// The finding a line's problem becomes.
    private static func problem(_ problem: LineProblem) -> DecodedLine { .problem(problem.kind, problem.message) }

    /// Scans `line` and hands its top-level object to `body`, or the reason it has none to `failure`.
    private mutating func withObject<Outcome>(
        _ line: UnsafeRawBufferPointer, _ body: (TapeFields) -> Outcome, failure: (LineProblem) -> Outcome
    ) -> Outcome {
        if Self.isBlank(line) { return failure(LineProblem(.invalidJSON, "empty line")) }
        var tokens: [JSONToken] = []
        swap(&tokens, &self.tokens)
        defer { swap(&tokens, &self.tokens) }
        let encoding = LineEncoding(detecting: line)
        if case .utf8(let skip) = encoding {
            return withObject(UnsafeRawBufferPointer(rebasing: line[skip...]), &tokens, body, failure: failure)
        }
        var transcoded: [UInt8] = []
        swap(&transcoded, &self.transcoded)
        defer { swap(&transcoded, &self.transcoded) }
        guard encoding.transcode(line, into: &transcoded) else {
            return failure(LineProblem(.invalidJSON, Self.invalidMessage))
        }
        return transcoded.withUnsafeBytes { withObject($0, &tokens, body, failure: failure) }
    }

    /// The message of an `invalid-json` finding.
    private static let invalidMessage = "not valid JSON"

    /// Whether the line holds only spaces, tabs and carriage returns (the reference decoder's test).
    @inline(__always)
    private static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        for byte in line where byte != 0x20 && byte != 0x09 && byte != 0x0D { return false }
        return true
    }

    private func withObject<Outcome>(
        _ bytes: UnsafeRawBufferPointer, _ tokens: inout [JSONToken], _ body: (TapeFields) -> Outcome,
        failure: (LineProblem) -> Outcome
    ) -> Outcome {
        guard case .scanned(let hasUnrepresentable) = JSONScanner.scan(bytes, into: &tokens) else {
            return failure(LineProblem(.invalidJSON, Self.invalidMessage))
        }
        return tokens.withUnsafeBufferPointer { tokens in
            Self.withScanned(tokens, bytes, hasUnrepresentable: hasUnrepresentable, body, failure: failure)
        }
    }

    /// Hands the top-level object of the scanned `bytes` to `body`, or the reason it has none to
    /// `failure`: a number Foundation cannot represent left in it, or another kind of value.
    private static func withScanned<Outcome>(
        _ tokens: UnsafeBufferPointer<JSONToken>, _ bytes: UnsafeRawBufferPointer, hasUnrepresentable: Bool,
        _ body: (TapeFields) -> Outcome, failure: (LineProblem) -> Outcome
    ) -> Outcome {
        guard let base = bytes.baseAddress else { return failure(LineProblem(.invalidJSON, invalidMessage)) }
        let tape = JSONTape(tokens: tokens, bytes: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        if hasUnrepresentable, tape.keepsUnrepresentable(0) {
            return failure(LineProblem(.invalidJSON, invalidMessage))
        }
        guard tokens[0].kind == .object else {
            return failure(LineProblem(.wrongType, "the line is not a JSON object"))
        }
        return body(TapeFields(tape: tape, object: 0, path: ""))
    }
}
