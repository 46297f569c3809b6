import Testing

@testable import RecordingFormat

@Suite("RFC 3339 timestamps")
struct TimestampTests {
    static let valid: [(String, Int64)] = [
        ("1970-01-01T00:00:00Z", 0),
        ("1970-01-01T00:00:01.5Z", 1_500_000_000),
        ("2026-01-05T08:00:00Z", 1_767_600_000 * 1_000_000_000),
        ("2024-02-29T23:59:59.999999999Z", 1_709_251_199_999_999_999),
        ("1969-12-31T23:59:59.75Z", -250_000_000),
        ("2026-01-05t08:00:00z", 1_767_600_000 * 1_000_000_000),
        ("2000-03-01T00:00:00.000000000000Z", 951_868_800 * 1_000_000_000),
    ]

    @Test(arguments: valid)
    func validTextParsesToExactNanoseconds(_ text: String, _ nanoseconds: Int64) {
        #expect(Timestamp(rfc3339: text)?.nanosecondsSinceEpoch == nanoseconds)
    }

    @Test(arguments: [
        "", "2026-01-05", "2026-01-05T08:00:00", "2026-01-05T08:00:00+00:00", "2026-01-05 08:00:00Z",
        "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
        "2026-01-05T24:00:00Z", "2026-01-05T08:60:00Z", "2026-01-05T08:00:60Z", "2026-01-05T08:00:00.Z",
        "2026-01-05T08:00:00.1234567891Z", "2026-01-05T08:00:00ZZ", "+026-01-05T08:00:00Z", "9999-12-31T23:59:59Z",
        "2026-01-05T08:00:00,5Z",
    ])
    func anythingElseIsRejected(_ text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test(arguments: [
        "2026-01-05T08:00:00Z", "2026-01-05T08:00:00.5Z", "2026-01-05T08:00:00.000000001Z", "1969-12-31T23:59:59.75Z",
        "2000-02-29T12:34:56.789Z", "1700-03-01T00:00:00Z", "2262-04-11T00:00:00Z",
    ])
    func formattingRoundTripsWithTheFewestFractionalDigits(_ text: String) throws {
        let time = try #require(Timestamp(rfc3339: text))
        #expect(time.rfc3339 == text)
    }

    @Test("a time read with the previous date remembered reads as that time alone, valid or not")
    func rememberedDatesChangeNothing() {
        let dates = ["2026-01-05", "2026-01-06", "2024-02-29", "2026-02-29", "2026-13-01", "1969-12-31", "2o26-01-05"]
        let times = [
            "T08:00:00Z", "T23:59:59.5Z", "T24:00:00Z", "t00:00:00z", "T08:00:00", "T08:00:00.Z", "T08:0x:00Z",
        ]
        let texts = dates.flatMap { date in times.map { date + $0 } }
        var mismatches: [String] = []
        var valid = 0
        // Every text after every other, so that each remembered date meets each next one.
        for previous in texts {
            for text in texts {
                var day: Timestamp.DayMemo?
                _ = Array(previous.utf8).withUnsafeBufferPointer { Timestamp.parse($0, day: &day) }
                let alone = Timestamp(rfc3339: text)
                let remembered = Array(text.utf8).withUnsafeBufferPointer { Timestamp.parse($0, day: &day) }
                if remembered != alone { mismatches.append(previous + " then " + text) }
                if alone != nil { valid += 1 }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(valid == 12 * texts.count, "4 valid dates times 3 valid times")
    }

    @Test func daysAreUTCCalendarDaysAlsoBeforeTheEpoch() throws {
        let midnight = try #require(Timestamp(rfc3339: "2026-06-02T00:00:00Z"))
        let justBefore = Timestamp(nanosecondsSinceEpoch: midnight.nanosecondsSinceEpoch - 1)
        #expect(midnight.dayNumber == justBefore.dayNumber + 1)
        #expect(Timestamp.startOfDay(midnight.dayNumber) == midnight)
        #expect(Timestamp(nanosecondsSinceEpoch: -1).dayNumber == -1)
        #expect(CivilDate(dayNumber: -1).isoDate == "1969-12-31")
    }

    @Test("the days past either end of the range start at the range's ends, not an overflow")
    func daysPastTheRange() {
        let last = Timestamp(nanosecondsSinceEpoch: .max)
        let first = Timestamp(nanosecondsSinceEpoch: .min)
        #expect(Timestamp.startOfDay(last.dayNumber).description == "2262-04-11T00:00:00Z")
        #expect(Timestamp.startOfDay(last.dayNumber + 1) == last)
        #expect(Timestamp.startOfDay(first.dayNumber) == first)
        var days: [Int64] = []
        Timestamp.forEachDay(from: Timestamp.startOfDay(last.dayNumber - 1), to: last) { day, _ in days.append(day) }
        #expect(days == [last.dayNumber - 1, last.dayNumber])
    }

    @Test func civilDatesRoundTripOverFourCenturies() {
        var previous: CivilDate?
        for day in Int64(-80_000)...Int64(80_000) {
            let date = CivilDate(dayNumber: day)
            #expect(date.dayNumber == day)
            if let previous, previous.month == date.month {
                #expect(date.day == previous.day + 1)
            }
            previous = date
        }
    }
}
