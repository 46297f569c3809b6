import RecordingFormat
import Testing

@Suite("Timestamp arithmetic")
struct TimestampArithmeticTests {
    @Test(
        "prints RFC 3339 in UTC with the fractional digits it needs",
        arguments: [
            (0, "1970-01-01T00:00:00Z"),
            (-1_000_000_000, "1969-12-31T23:59:59Z"),
            (1_767_600_000_250_000_000, "2026-01-05T08:00:00.25Z"),
            (951_782_400_000_000_001, "2000-02-29T00:00:00.000000001Z"),
            (4_102_444_799_000_000_000, "2099-12-31T23:59:59Z"),
        ] as [(Int64, String)])
    func rfc3339(_ nanoseconds: Int64, _ text: String) {
        #expect(Timestamp(nanosecondsSinceEpoch: nanoseconds).rfc3339 == text)
    }

    @Test("civil dates and durations agree")
    func civil() {
        let start = Timestamp(year: 2026, month: 1, day: 5)
        #expect(start.rfc3339 == "2026-01-05T00:00:00Z")
        #expect(start.advanced(by: .seconds(86_400 * 31)).rfc3339 == "2026-02-05T00:00:00Z")
        #expect(start.duration(to: Timestamp(year: 2026, month: 3, day: 1)) == .seconds(86_400 * 55))
        #expect(
            Timestamp(year: 2024, month: 3, day: 1).advanced(by: .seconds(-1)).rfc3339 == "2024-02-29T23:59:59Z")
    }
}
