/// The replay guard of one session: refuses sequence numbers that are old or were seen before.
///
/// Keeps the highest number accepted and a bitmap of the `width` numbers at and below it, as
/// IPsec's anti-replay window does. A number above the highest is new; one inside the window is new
/// only if its bit is clear; one below the window is refused as too old, whether or not it was seen,
/// since the guard no longer knows. Sequence numbers start at 1; 0 is never accepted, and a session
/// that reaches `UInt32.max` must be reopened rather than wrap.
public struct SequenceWindow: Hashable, Sendable {
    /// The widest window the bitmap holds.
    public static let maximumWidth = 64

    /// How many numbers at and below the highest are remembered (1 demands strictly increasing numbers).
    public let width: Int
    /// The highest number accepted so far, 0 before the first.
    public private(set) var highest: UInt32 = 0
    /// Bit i set: `highest - i` was accepted.
    private var seen: UInt64 = 0

    /// A guard remembering `width` numbers, clamped to 1 ... `maximumWidth`.
    public init(width: Int = SequenceWindow.maximumWidth) {
        self.width = min(max(width, 1), SequenceWindow.maximumWidth)
    }

    /// Why the guard would refuse `sequence`, nil when it would accept it; records nothing.
    public func refusal(of sequence: UInt32) -> ReplayError? {
        guard sequence != 0 else { return .tooOld(sequence) }
        if sequence > highest { return nil }
        let distance = highest - sequence
        guard distance < UInt32(width) else { return .tooOld(sequence) }
        return seen & (1 << UInt64(distance)) != 0 ? .duplicate(sequence) : nil
    }

    /// Records `sequence` if it is new; refuses it otherwise and changes nothing.
    public mutating func accept(_ sequence: UInt32) throws(ReplayError) {
        if let refusal = refusal(of: sequence) { throw refusal }
        if sequence > highest {
            let shift = UInt64(sequence - highest)
            seen = shift >= 64 ? 0 : seen << shift
            seen |= 1
            highest = sequence
        } else {
            seen |= 1 << UInt64(highest - sequence)
        }
        if width < 64 { seen &= (1 << UInt64(width)) - 1 }
    }
}
