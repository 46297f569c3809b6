/// Whether values are multiples of a fixed step, by one multiplication instead of a division.
///
/// For a step `d = 2^k · m` with `m` odd, `n` is a multiple of `d` exactly when
/// `rotateRight(n · m⁻¹ mod 2⁶⁴, k) ≤ ⌊(2⁶⁴ − 1) / d⌋` (Granlund and Montgomery; the test compilers emit
/// for `n % d == 0` with a constant `d`). A step that is not positive accepts every value.
struct DivisibilityTest: Hashable, Sendable {
    /// `m⁻¹` modulo 2⁶⁴.
    private let inverse: UInt64
    /// `k`, the step's trailing zero bits.
    private let shift: UInt64
    /// `⌊(2⁶⁴ − 1) / d⌋`; `UInt64.max` when every value passes.
    private let limit: UInt64

    init(step: Int64) {
        guard step > 0 else {
            (inverse, shift, limit) = (0, 0, .max)
            return
        }
        let divisor = UInt64(step)
        shift = UInt64(divisor.trailingZeroBitCount)
        let odd = divisor >> shift
        // Newton's iteration doubles the correct low bits of the inverse; an odd number is its own
        // inverse to 3 bits, so five rounds reach 96.
        var inverse = odd
        for _ in 0..<5 { inverse = inverse &* (2 &- odd &* inverse) }
        self.inverse = inverse
        limit = .max / divisor
    }

    /// Whether `value` is a multiple of the step (negative values by their magnitude).
    @inline(__always)
    func isMultiple(_ value: Int64) -> Bool { isMultiple(magnitude: value.magnitude) }

    /// Whether a value of magnitude `magnitude` is a multiple of the step.
    @inline(__always)
    func isMultiple(magnitude: UInt64) -> Bool { key(magnitude) <= limit }

    /// A value of magnitude `magnitude` is a multiple of the step exactly when this key is at most `limit`,
    /// so values are all multiples exactly when the largest key is.
    @inline(__always)
    func key(_ magnitude: UInt64) -> UInt64 {
        let product = magnitude &* inverse
        return product &>> shift | product &<< (64 &- shift)
    }

    /// Whether every value whose largest key is `largestKey` is a multiple of the step.
    @inline(__always)
    func allMultiples(largestKey: UInt64) -> Bool { largestKey <= limit }
}
