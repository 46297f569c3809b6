/// A program slot's number, 1-based: the one slot vocabulary of the package.
///
/// Recordings allow any positive number, profiles allow up to 255 slots, and the wire codec alone checks
/// that a slot fits its one byte (see `docs/protocol.md`, where 0 in the active-slot field means "none").
public struct Slot: Hashable, Comparable, Sendable {
    /// The 1-based number, always positive.
    public let number: Int

    /// The slot numbered `number`; nil for 0 and negative numbers, which name no slot.
    @inlinable
    public init?(number: Int) {
        guard number > 0 else { return nil }
        self.number = number
    }

    @inlinable
    public static func < (lhs: Slot, rhs: Slot) -> Bool { lhs.number < rhs.number }
}

extension Slot: ExpressibleByIntegerLiteral {
    /// A slot written in code; a literal below 1 is a programming error, not an input, so it traps.
    public init(integerLiteral value: Int) {
        precondition(value > 0, "slot numbers start at 1")
        number = value
    }
}

extension Slot: LosslessStringConvertible {
    /// The number, as recordings, scripts and messages write it.
    public var description: String { String(number) }

    /// The slot a script or a message writes as `text`; nil for text that names no slot.
    public init?(_ text: String) {
        guard let number = Int(text) else { return nil }
        self.init(number: number)
    }
}
