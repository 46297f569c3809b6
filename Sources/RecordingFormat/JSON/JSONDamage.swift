/// A JSON file too damaged to repair: where reading stopped and why.
public struct JSONDamage: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the damage is.
    public var position: TextPosition
    /// What is wrong, in words.
    public var message: String

    public var description: String { "\(position): \(message)" }
}
