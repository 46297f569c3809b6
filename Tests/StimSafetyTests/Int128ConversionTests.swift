import PropertyBased
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

    @Test("Every width of value rounds as the standard library does, ties and sticky bits included")
    func matchesAtEveryWidth() async {
        await propertyCheck(count: 2_000, input: Gen.int(in: 0...126), Gen.int128(), Gen.bool) {
            width, random, isNegative in
            let bits = random.magnitude >> (127 - width)
            let value = isNegative ? -Int128(bits) : Int128(bits)
            #expect(Double(converting: value) == Double(value))
            // Halfway between two doubles (the top bit at `top`, the half 53 places below it), and
            // the same plus one: the bits below the last kept one decide.
            let top = min(width, 125)
            let tie = Int128(1) << top | Int128(1) << max(top - 53, 0)
            #expect(Double(converting: tie) == Double(tie))
            #expect(Double(converting: tie + 1) == Double(tie + 1))
            #expect(Double(converting: -tie - 1) == Double(-tie - 1))
        }
    }
}
