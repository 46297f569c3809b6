import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

/// `analyze --tz`: days counted in a named zone, UTC instants and days kept as the format says.
@Suite("Local days in a time zone")
struct TimeZoneTests {
    typealias R = TestRecordings

    static let berlin = ReportZone(identifier: "Europe/Berlin")!

    /// Therapy on from `from` to `to` on slot 1, in a recording from `from` to `end`.
    static func therapy(from: String, to: String, end: String, zone: ReportZone) throws -> RecordingReport {
        try R.analyze(
            start: from,
            [
                (
                    from,
                    .program(
                        slot: 1, program: bipolarProgram(amplitude: "2", pulseWidth: "200", frequency: "40"),
                        by: .clinician)
                ),
                (from, .activate(slot: 1, by: .clinician)),
                (from, .therapy(isOn: true, by: .clinician)),
                (to, .therapy(isOn: false, by: .patient)),
            ], end: end, zone: zone)
    }

    static func hours(_ days: [DayUsage]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: days.map { ($0.date, $0.therapyHours) })
    }

    @Test func theSpringTransitionDayInBerlinHasTwentyThreeHours() throws {
        // 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
        let report = try Self.therapy(
            from: "2026-03-28T23:00:00Z", to: "2026-03-30T22:00:00Z", end: "2026-03-30T22:00:00Z", zone: Self.berlin)
        #expect(Self.hours(report.localDays) == ["2026-03-29": 23, "2026-03-30": 24])
        #expect(Self.hours(report.days) == ["2026-03-28": 1, "2026-03-29": 24, "2026-03-30": 22])
        #expect(report.spanText == "2026-03-29T00:00:00+01:00 → 2026-03-31T00:00:00+02:00")
        #expect(report.timeZone.identifier == "Europe/Berlin")
    }

    @Test func theAutumnTransitionDayInBerlinHasTwentyFiveHours() throws {
        // 2026-10-25: 03:00 CEST becomes 02:00 CET at 01:00 UTC.
        let report = try Self.therapy(
            from: "2026-10-24T22:00:00Z", to: "2026-10-26T23:00:00Z", end: "2026-10-26T23:00:00Z", zone: Self.berlin)
        #expect(Self.hours(report.localDays) == ["2026-10-25": 25, "2026-10-26": 24])
        #expect(report.localDays.count == 2)
        #expect(report.recordedHours == 49)
    }

    @Test func therapyAcrossLocalMidnightEastOfUTCIsSplitWhereUTCKeepsOneDay() throws {
        // 22:00–02:00 in Tokyo (UTC+9) is 13:00–17:00 UTC on one UTC day.
        let report = try Self.therapy(
            from: "2026-01-05T13:00:00Z", to: "2026-01-05T17:00:00Z", end: "2026-01-05T18:00:00Z",
            zone: try #require(ReportZone(identifier: "Asia/Tokyo")))
        #expect(Self.hours(report.localDays) == ["2026-01-05": 2, "2026-01-06": 2])
        #expect(Self.hours(report.days) == ["2026-01-05": 4])
        // Five recorded hours go by the hour: the amplitude's hours are Tokyo's, 22:00 to 01:00.
        #expect(
            report.series.amplitude.first?.buckets.map(\.period.start) == [
                "2026-01-05T22:00:00+09:00", "2026-01-05T23:00:00+09:00", "2026-01-06T00:00:00+09:00",
                "2026-01-06T01:00:00+09:00",
            ])
    }

    @Test func therapyAcrossLocalMidnightWestOfUTCIsSplitWhereUTCKeepsOneDay() throws {
        // 22:00–02:00 in New York (UTC−5 in January) is 03:00–07:00 UTC.
        let report = try Self.therapy(
            from: "2026-01-06T03:00:00Z", to: "2026-01-06T07:00:00Z", end: "2026-01-06T08:00:00Z",
            zone: try #require(ReportZone(identifier: "America/New_York")))
        #expect(Self.hours(report.localDays) == ["2026-01-05": 2, "2026-01-06": 2])
        #expect(Self.hours(report.days) == ["2026-01-06": 4])
        #expect(report.spanText == "2026-01-05T22:00:00-05:00 → 2026-01-06T03:00:00-05:00")
    }

    @Test func utcIsTheDefaultAndItsLocalDaysAreTheUTCDays() throws {
        let report = try Self.therapy(
            from: "2026-01-05T13:00:00Z", to: "2026-01-05T17:00:00Z", end: "2026-01-06T01:00:00Z", zone: .utc)
        #expect(report.timeZone.isUTC)
        #expect(report.localDays == report.days)
        #expect(report.spanText == "2026-01-05T13:00:00Z → 2026-01-06T01:00:00Z")
    }

    @Test func anUnknownZoneIsRefused() {
        #expect(ReportZone(identifier: "Mars/Olympus_Mons") == nil)
        #expect(ReportZone(identifier: "UTC") == .utc)
    }
}
