extension Double {
    /// `Double(value)`, rounded the same way, without the standard library's slow path.
    ///
    /// The standard library converts an `Int128` through its generic, unspecialised
    /// `BinaryFloatingPoint._convert(from:)`, thousands of instructions a call; on the per-contact
    /// path that was almost all of `maySend`'s time. A value within `Int64` (every realistic product
    /// here) takes the native conversion instead, which rounds the same exact integer identically.
    @inline(__always)
    public init(converting value: Int128) {
        if value >= Int128(Int64.min), value <= Int128(Int64.max) {
            self.init(Int64(truncatingIfNeeded: value))
        } else {
            self.init(value)
        }
    }
}
