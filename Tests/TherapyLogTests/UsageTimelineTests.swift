import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

/// The usage timeline's granularity by span: hours, days, weeks, months, years.
@Suite("Usage timeline")
struct UsageTimelineTests {
    typealias Granularity = UsageTimeline.Granularity

    /// Hours, local days and the granularity they get, on each side of every threshold.
    static let thresholds: [(Double, Int, Granularity)] = [
        (47.999, 2, .hour), (48, 3, .day), (92 * 24, 92, .day), (93 * 24, 93, .week), (730 * 24, 730, .week),
        (731 * 24, 731, .month), (3_650 * 24, 3_650, .month), (3_651 * 24, 3_651, .year),
    ]

    @Test(arguments: thresholds)
    func theGranularityChangesJustPastEachThreshold(hours: Double, days: Int, expected: Granularity) {
        #expect(UsageTimeline.granularity(recordedHours: hours, days: days) == expected)
    }

    @Test func aShortRecordingGoesByLocalHourAcrossTheSpringTransition() throws {
        // 00:30 UTC is 01:30 CET; at 01:00 UTC Berlin moves from 02:00 to 03:00.
        let report = try TimeZoneTests.therapy(
            from: "2026-03-29T00:30:00Z", to: "2026-03-29T03:30:00Z", end: "2026-03-29T03:30:00Z",
            zone: TimeZoneTests.berlin)
        #expect(report.usage.granularity == .hour)
        #expect(
            report.usage.periods.map(\.start) == [
                "2026-03-29T01:00:00+01:00", "2026-03-29T03:00:00+02:00", "2026-03-29T04:00:00+02:00",
                "2026-03-29T05:00:00+02:00",
            ])
        #expect(report.usage.periods.map(\.therapyHours) == [0.5, 1, 1, 0.5])
        #expect(report.usage.periods.allSatisfy { $0.days == 0 })
    }

    @Test func aHundredDaysGoByWeekFromMonday() throws {
        // Wednesday 2026-01-07 to Saturday 2026-04-17, therapy throughout.
        let report = try TimeZoneTests.therapy(
            from: "2026-01-07T00:00:00Z", to: "2026-04-17T00:00:00Z", end: "2026-04-17T00:00:00Z", zone: .utc)
        let periods = report.usage.periods
        #expect(report.usage.granularity == .week)
        #expect(periods.first?.start == "2026-01-05")
        #expect(periods.first?.days == 5)
        #expect(periods.first?.therapyHours == 120)
        #expect(periods.count == 15)
        #expect(periods.last?.start == "2026-04-13")
        #expect(periods.last?.days == 4)
        #expect(periods.map(\.days).reduce(0, +) == 100)
        #expect(periods.allSatisfy { $0.share == 1 })
    }

    @Test func threeYearsGoByMonthAndElevenYearsByYear() throws {
        let months = try TimeZoneTests.therapy(
            from: "2026-01-15T00:00:00Z", to: "2026-01-16T00:00:00Z", end: "2029-01-15T00:00:00Z", zone: .utc)
        #expect(months.usage.granularity == .month)
        #expect(months.usage.periods.count == 37)
        #expect(
            months.usage.periods.first.map { ($0.start, $0.days, $0.therapyHours) } ?? ("", 0, 0) == (
                "2026-01-01", 17, 24
            ))
        #expect(months.usage.periods.last?.start == "2029-01-01")
        let years = try TimeZoneTests.therapy(
            from: "2026-06-01T00:00:00Z", to: "2026-06-02T00:00:00Z", end: "2037-06-01T00:00:00Z", zone: .utc)
        #expect(years.usage.granularity == .year)
        #expect(years.usage.periods.map(\.start).first == "2026-01-01")
        #expect(years.usage.periods.count == 12)
        #expect(years.usage.periods.first?.days == 214)
    }
}
