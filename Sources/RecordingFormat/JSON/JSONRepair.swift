/// A place where a damaged JSON file was read other than as written, and how.
public struct JSONRepair: Hashable, Sendable {
    /// Where the repair was made.
    public var position: TextPosition
    /// What was wrong and what the reader did, in words.
    public var message: String
}
