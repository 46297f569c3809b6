/// A problem with one line of a recording that lenient reading skips or repairs (`recording-format.md` §2).
public struct ReadingFinding: Hashable, Sendable, Encodable {
    /// The 1-based line number.
    public var line: Int
    /// What is wrong with the line.
    public var kind: Kind
    /// The reason, in words.
    public var message: String

    /// The kinds of reading finding.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Encodable {
        /// The line is not valid JSON (or not one JSON object).
        case invalidJSON = "invalid-json"
        /// A required field is absent.
        case missingField = "missing-field"
        /// A field has the wrong JSON type, or a value its field does not allow.
        case wrongType = "wrong-type"
        /// The `type` is not one this reader knows.
        case unknownType = "unknown-type"
        /// The event is earlier than its predecessor (or follows the `end` line).
        case outOfOrder = "out-of-order"
        /// The file has no `end` line.
        case truncated

        /// Whether `--strict` turns the first finding of this kind into an error.
        public var isFatalWhenStrict: Bool {
            switch self {
            case .invalidJSON, .missingField, .wrongType: true
            case .unknownType, .outOfOrder, .truncated: false
            }
        }
    }
}
