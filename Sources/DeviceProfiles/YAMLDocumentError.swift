/// Why a YAML or JSON file could not be read as a document: the problem and, when known, its line.
///
/// The file is not part of the error: ``YAMLField`` adds it, in an ``InputError``.
public struct YAMLDocumentError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, in words (with the column when it helps).
    public var message: String
    /// The 1-based line of the offending text, when known.
    public var line: Int?

    /// Creates an error at `line`, when there is one.
    public init(_ message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }

    /// `line N: message`, or the message alone.
    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}
