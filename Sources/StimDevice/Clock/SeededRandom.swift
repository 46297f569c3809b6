/// SplitMix64: a small, fast, deterministic generator for the simulator's session ids, nonces and
/// impedance variation and for the fault injector, so a seed reproduces a whole run.
///
/// Not for real secrets: pass `SystemRandomNumberGenerator` where nonces must be unpredictable.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose output is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
