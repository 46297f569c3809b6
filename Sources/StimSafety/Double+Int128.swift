extension Double {
    /// `Double(value)`, rounded the same way (to nearest, ties to even), without the standard
    /// library's slow path.
    ///
    /// The standard library converts an `Int128` through its generic, unspecialised
    /// `BinaryFloatingPoint._convert(from:)`, thousands of instructions a call; on the per-contact
    /// path that was almost all of `maySend`'s time, and the report's time-weighted amplitudes (in
    /// nanoamp-nanoseconds, beyond 64 bits) paid it again. A value within `Int64` takes the native
    /// conversion. A wider one keeps its top 64 significant bits, with the lowest of them set when
    /// any bit below was: a double holds 53, so that bit stands only for "more than exactly this",
    /// which is all rounding needs. The native conversion of those 64 bits then rounds as the whole
    /// value would, and scaling by a power of two is exact.
    @inline(__always)
    public init(converting value: Int128) {
        if value >= Int128(Int64.min), value <= Int128(Int64.max) {
            self.init(Int64(truncatingIfNeeded: value))
            return
        }
        let magnitude = value.magnitude
        let dropped = 64 - magnitude.leadingZeroBitCount
        let droppedMask = (UInt128(1) << dropped) &- 1
        let top = UInt64(truncatingIfNeeded: magnitude >> dropped) | (magnitude & droppedMask == 0 ? 0 : 1)
        let scaled = Double(top) * Double(sign: .plus, exponent: dropped, significand: 1)
        self = value < 0 ? -scaled : scaled
    }
}
