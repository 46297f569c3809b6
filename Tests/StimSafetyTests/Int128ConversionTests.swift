import Testing

@testable import StimSafety

@Suite("Int128 to Double conversion")
struct Int128ConversionTests {
    @Test(
        "The fast conversion rounds exactly as the standard library does, inside and outside 64 bits",
        arguments: [
            Int128(0), 1, -1, 2_550_000_000_000, 1 << 53, (1 << 53) + 1, -(1 << 53) - 1, Int128(Int64.max),
            Int128(Int64.min), Int128(Int64.max) + 1, Int128(Int64.min) - 1, 10_200_000_000_000_000_000,
            Int128.max, Int128.min, 123_456_789_012_345_678_901_234_567,
        ] as [Int128])
    func matchesTheStandardLibrary(_ value: Int128) {
        #expect(Double(converting: value) == Double(value))
    }
}
