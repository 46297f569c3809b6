/// A place in a file: the byte offset and the line and column it falls on (both 1-based).
public struct TextPosition: Hashable, Sendable, CustomStringConvertible {
    /// Bytes before this place.
    public var offset: Int
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in bytes.
    public var column: Int

    /// `line 12, column 5 (byte 301)`.
    public var description: String { "line \(line), column \(column) (byte \(offset))" }
}
