import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

/// The chart series go by the periods of the report's usage timeline, on its local wall clock: a value
/// falls in the hour, day, week, month or year its local time falls in, on either side of each boundary.
@Suite("Chart series by calendar period")
struct SeriesPeriodTests {
    typealias R = TestRecordings

    /// A recording from `start` to `end` of battery samples (time, percent), in `zone`.
    static func battery(
        start: String, _ samples: [(String, String)], end: String, zone: ReportZone = .utc
    ) throws -> RecordingReport {
        try R.analyze(start: start, samples.map { ($0.0, .battery(quantity($0.1))) }, end: end, zone: zone)
    }

    @Test func aShortRecordingChartsEachHourItsAmplitudeMeanAndBatteryExtremes() throws {
        let program = bipolarProgram(amplitude: "2", pulseWidth: "200", frequency: "40")
        let report = try R.analyze(
            start: "2026-01-01T00:30:00Z",
            [
                ("2026-01-01T00:30:00Z", .program(slot: 1, program: program, by: .clinician)),
                ("2026-01-01T00:30:00Z", .activate(slot: 1, by: .clinician)),
                ("2026-01-01T00:30:00Z", .therapy(isOn: true, by: .clinician)),
                ("2026-01-01T00:45:00Z", .battery(quantity("80"))),
                ("2026-01-01T01:10:00Z", .battery(quantity("70"))),
                ("2026-01-01T01:30:00Z", .amplitude(slot: 1, amplitude: quantity("4"), by: .patient)),
                ("2026-01-01T01:59:59Z", .battery(quantity("75"))),
                ("2026-01-01T03:00:00Z", .therapy(isOn: false, by: .patient)),
            ], end: "2026-01-01T03:30:00Z")
        let periods = report.usage.periods
        #expect(report.usage.granularity == .hour)
        #expect(periods.map(\.start).first == "2026-01-01T00:00:00Z")
        let amplitude = try #require(report.series.amplitude.first?.buckets)
        // 00:30–01:00 at 2 mA; 01:00–01:30 at 2 and 01:30–02:00 at 4; 02:00–03:00 at 4; nothing after.
        #expect(amplitude.map(\.period) == Array(periods.prefix(3)))
        #expect(amplitude.map(\.minimum) == [2, 2, 4])
        #expect(amplitude.map(\.maximum) == [2, 4, 4])
        #expect(amplitude.map(\.mean) == [2, 3, 4])
        #expect(
            report.series.battery == [
                RecordingSeries.Battery(period: periods[0], minimum: 80, maximum: 80, last: 80),
                RecordingSeries.Battery(period: periods[1], minimum: 70, maximum: 75, last: 75),
            ])
    }

    @Test func anHourlyReportUnderTzKeepsTheLocalHoursOfTheSpringTransition() throws {
        // 00:45 UTC is 01:45 CET; 01:15 UTC is 03:15 CEST, the hour after 01:00 CET.
        let report = try Self.battery(
            start: "2026-03-29T00:30:00Z", [("2026-03-29T00:45:00Z", "60"), ("2026-03-29T01:15:00Z", "50")],
            end: "2026-03-29T03:30:00Z", zone: TimeZoneTests.berlin)
        #expect(
            report.series.battery.map(\.period.start) == ["2026-03-29T01:00:00+01:00", "2026-03-29T03:00:00+02:00"])
        #expect(report.series.battery.map(\.period) == Array(report.usage.periods.prefix(2)))
    }

    @Test func aDailyReportUnderTzPutsASampleOnItsLocalDayAcrossTheAutumnTransition() throws {
        // 22:30 UTC on the 24th is 00:30 on the 25th in Berlin; 22:30 UTC on the 25th is 23:30 CET, still
        // the 25th (25 hours long); 23:30 UTC is 00:30 on the 26th.
        let samples = [("2026-10-24T22:30:00Z", "90"), ("2026-10-25T22:30:00Z", "80"), ("2026-10-25T23:30:00Z", "70")]
        let local = try Self.battery(
            start: "2026-10-24T22:00:00Z", samples, end: "2026-10-26T23:00:00Z", zone: TimeZoneTests.berlin)
        #expect(local.usage.granularity == .day)
        #expect(local.series.battery.map(\.period.start) == ["2026-10-25", "2026-10-26"])
        #expect(local.series.battery.map(\.minimum) == [80, 70])
        let utc = try Self.battery(start: "2026-10-24T22:00:00Z", samples, end: "2026-10-26T23:00:00Z")
        #expect(utc.series.battery.map(\.period.start) == ["2026-10-24", "2026-10-25"])
    }

    @Test func aWeeklyReportStartsEachPeriodOnMonday() throws {
        // Sunday 23:59 and Monday 00:00 fall in two weeks; Monday and the next Sunday in one.
        let report = try Self.battery(
            start: "2026-01-07T00:00:00Z",
            [
                ("2026-01-11T23:59:00Z", "90"), ("2026-01-12T00:00:00Z", "80"), ("2026-01-18T23:59:00Z", "85"),
            ], end: "2026-04-17T00:00:00Z")
        #expect(report.usage.granularity == .week)
        #expect(report.series.battery.map(\.period.start) == ["2026-01-05", "2026-01-12"])
        #expect(report.series.battery.map(\.period.days) == [5, 7])
        #expect(report.series.battery.map(\.last) == [90, 85])
    }

    @Test func aMonthlyReportSplitsTheLastDayOfAMonthFromTheFirstOfTheNext() throws {
        let report = try Self.battery(
            start: "2026-01-15T00:00:00Z",
            [("2026-01-31T23:59:00Z", "90"), ("2026-02-01T00:00:00Z", "80"), ("2028-02-29T12:00:00Z", "70")],
            end: "2029-01-15T00:00:00Z")
        #expect(report.usage.granularity == .month)
        #expect(report.series.battery.map(\.period.start) == ["2026-01-01", "2026-02-01", "2028-02-01"])
        #expect(report.series.battery.map(\.period.days) == [17, 28, 29])
    }

    @Test func aYearlyReportUnderTzPutsNewYearsEveInTheLocalYear() throws {
        // 22:30 UTC on 31 December is 23:30 in Berlin; 23:30 UTC is already 1 January.
        let samples = [("2030-12-31T22:30:00Z", "90"), ("2030-12-31T23:30:00Z", "80")]
        let local = try Self.battery(
            start: "2026-06-01T00:00:00Z", samples, end: "2037-06-01T00:00:00Z", zone: TimeZoneTests.berlin)
        #expect(local.usage.granularity == .year)
        #expect(local.series.battery.map(\.period.start) == ["2030-01-01", "2031-01-01"])
        let utc = try Self.battery(start: "2026-06-01T00:00:00Z", samples, end: "2037-06-01T00:00:00Z")
        #expect(utc.series.battery.map(\.period.start) == ["2030-01-01"])
        #expect(utc.series.battery.map(\.minimum) == [80])
    }

    @Test func aHundredYearsOfDailySamplesGiveOneBucketPerYear() throws {
        var samples: [(String, String)] = []
        var day = try #require(Timestamp(rfc3339: "2026-01-01T12:00:00Z"))
        // 36,524 days: 2100 is no leap year.
        for index in 0..<36_524 {
            samples.append((day.rfc3339, String(50 + index % 50)))
            day = day.advanced(by: .seconds(86_400))
        }
        let report = try Self.battery(start: "2026-01-01T00:00:00Z", samples, end: "2126-01-01T00:00:00Z")
        #expect(report.usage.granularity == .year)
        #expect(report.usage.periods.count == 100)
        #expect(report.series.battery.map(\.period) == report.usage.periods)
        #expect(report.series.battery.allSatisfy { $0.minimum == 50 && $0.maximum == 99 })
    }
}
