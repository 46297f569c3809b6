import Foundation
import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

/// The bounded series the reports chart: tallies by the periods of the report's usage timeline.
@Suite("Chart series")
struct SeriesTests {
    typealias R = TestRecordings

    static func day(_ date: String) throws -> Int64 {
        try #require(Timestamp(rfc3339: date + "T00:00:00Z")).dayNumber
    }

    /// The usage timeline of `days` UTC days from 1970-01-01.
    static func timeline(days: Int64) -> UsageTimeline {
        UsageTimeline(
            start: Timestamp(nanosecondsSinceEpoch: 0), end: Timestamp.startOfDay(days),
            localDays: (0..<days).map { DayUsage(dayNumber: $0, therapyHours: 0) },
            hourly: HourlyUsage(start: Timestamp(nanosecondsSinceEpoch: 0), zone: .utc), zone: .utc)
    }

    /// The period of `report`'s timeline that starts at `start`.
    static func period(_ report: RecordingReport, _ start: String) throws -> UsageTimeline.Period {
        try #require(report.usage.periods.first { $0.start == start })
    }

    @Test func theEdgeCaseRecordingGivesItsHandComputedSeries() throws {
        let report = try R.analyze(R.edgeCases.appendingPathComponent("charges-impedance-safety.scsrec.jsonl"))
        let series = report.series
        let (first, fourth) = (try Self.period(report, "2026-10-01"), try Self.period(report, "2026-10-04"))

        // Slot 1: written at 7 mA (range 2–8), raised to 12, set to 12, lowered to 5; delivered
        // 08:00–20:00 at 7 (2 h), 12 (4 h), 5 (6 h): mean (14 + 48 + 30) / 12.
        let amplitude = try #require(series.amplitude.first)
        #expect(series.amplitude.count == 1)
        #expect(amplitude.slot == 1)
        #expect(
            amplitude.buckets == [
                RecordingSeries.AmplitudeBucket(
                    period: first, minimum: 5, maximum: 12, mean: 92.0 / 12, patientRange: 2...8)
            ])

        // Contacts 1–5 of the profile; neither the case nor contact 17, which tonic-16 lacks.
        #expect(series.impedance.map(\.contact) == [1, 2, 3, 4, 5])
        let contact1 = try #require(series.impedance.first).buckets
        #expect(
            contact1 == [
                RecordingSeries.ImpedanceBucket(
                    period: first, minimum: 800, maximum: 1000, mean: 900, measurements: 2),
                RecordingSeries.ImpedanceBucket(
                    period: fourth, minimum: 5000, maximum: 5000, mean: 5000, measurements: 1),
            ])

        // Sessions 21:00–22:00 on day 1, 22:00–23:00 on day 2 (the restarted one), 09:00–10:00 on day 4;
        // the `end` without a start on day 3 adds nothing.
        #expect(
            series.charging == [
                RecordingSeries.Charging(period: first, hours: 1, sessions: 1),
                RecordingSeries.Charging(period: try Self.period(report, "2026-10-02"), hours: 1, sessions: 1),
                RecordingSeries.Charging(period: fourth, hours: 1, sessions: 1),
            ])
        #expect(series.battery.isEmpty)
    }

    @Test func deliveryAcrossMidnightIsSplitBetweenTheDaysAndBatterySamplesKeepTheirExtremes() throws {
        let program = bipolarProgram(amplitude: "2", pulseWidth: "200", frequency: "40")
        let report = try R.analyze(
            start: "2026-01-01T00:00:00Z",
            [
                ("2026-01-01T18:00:00Z", .program(slot: 3, program: program, by: .clinician)),
                ("2026-01-01T18:00:00Z", .activate(slot: 3, by: .clinician)),
                ("2026-01-01T18:00:00Z", .therapy(isOn: true, by: .clinician)),
                ("2026-01-01T20:00:00Z", .battery(quantity("80"))),
                ("2026-01-01T22:00:00Z", .amplitude(slot: 3, amplitude: quantity("4"), by: .patient)),
                ("2026-01-01T23:00:00Z", .battery(quantity("60.5"))),
                ("2026-01-02T02:00:00Z", .therapy(isOn: false, by: .patient)),
                ("2026-01-02T03:00:00Z", .battery(quantity("70"))),
            ], end: "2026-01-03T00:00:00Z")
        let (first, second) = (try Self.period(report, "2026-01-01"), try Self.period(report, "2026-01-02"))
        let buckets = try #require(report.series.amplitude.first?.buckets)
        // Day 1: 2 mA for 4 h, 4 mA for 2 h; day 2: 4 mA for 2 h.
        #expect(report.usage.granularity == .day)
        #expect(buckets.map(\.period) == [first, second])
        #expect(buckets.map(\.minimum) == [2, 4])
        #expect(buckets.map(\.maximum) == [4, 4])
        #expect(buckets[0].mean.map { isClose($0, (8.0 + 8) / 6) } == true)
        #expect(buckets[1].mean == 4)
        #expect(buckets.allSatisfy { $0.patientRange == nil })
        #expect(
            report.series.battery == [
                RecordingSeries.Battery(period: first, minimum: 60.5, maximum: 80, last: 60.5),
                RecordingSeries.Battery(period: second, minimum: 70, maximum: 70, last: 70),
            ])
    }

    @Test func bucketsBecomeMonthsPastAWeeklySpanAndYearsPastAMonthlyOne() throws {
        struct Count: DayTally {
            var days = 0
            mutating func merge(following later: Count) { days += later.days }
        }
        let first = try Self.day("2026-01-15")
        var buckets = DayBuckets<Count>(firstDay: first)
        let days = [first, first + 16, first + 17, first + Int64(UsageTimeline.weeklyDays) - 1]
        for day in days { buckets.update(day: day, empty: Count()) { $0.days += 1 } }
        #expect(buckets.level == .day)
        #expect(buckets.recorded.map(\.firstDay) == days)
        // A day as far from the first as a weekly timeline cannot show: every bucket becomes its month's.
        buckets.update(day: first + Int64(UsageTimeline.weeklyDays), empty: Count()) { $0.days += 1 }
        #expect(buckets.level == .month)
        // The first month starts on the first day; 2026-01-31 and 2026-02-01 fall in two months.
        #expect(
            buckets.recorded.map(\.firstDay) == [
                first, try Self.day("2026-02-01"), try Self.day("2028-01-01"),
            ])
        #expect(buckets.recorded.map(\.tally.days) == [2, 1, 2])
        buckets.update(day: first + Int64(UsageTimeline.monthlyDays), empty: Count()) { $0.days += 1 }
        #expect(buckets.level == .year)
        #expect(buckets.recorded.map(\.firstDay) == [first, try Self.day("2028-01-01"), try Self.day("2036-01-01")])
        #expect(buckets.recorded.map(\.tally.days) == [3, 2, 1])
        buckets.update(day: first - 1, empty: Count()) { $0.days += 1 }
        #expect(buckets.recorded.map(\.tally.days) == [3, 2, 1])
    }

    @Test func aRecordingOfTwentyYearsHasOneBucketPerYear() throws {
        let program = bipolarProgram(amplitude: "2", pulseWidth: "200", frequency: "40")
        var events: [(String, RecordingEvent)] = [
            ("2000-01-01T00:00:00Z", .program(slot: 1, program: program, by: .clinician)),
            ("2000-01-01T00:00:00Z", .activate(slot: 1, by: .clinician)),
            ("2000-01-01T00:00:00Z", .therapy(isOn: true, by: .clinician)),
        ]
        for year in 2000..<2020 {
            events.append(("\(year)-06-01T00:00:00Z", .battery(quantity("50"))))
        }
        let report = try R.analyze(start: "2000-01-01T00:00:00Z", events, end: "2020-01-01T00:00:00Z")
        let amplitude = try #require(report.series.amplitude.first?.buckets)
        #expect(report.days.count == 7_305)
        #expect(report.usage.granularity == .year)
        #expect(amplitude.map(\.period.start) == (2000..<2020).map { "\($0)-01-01" })
        #expect(amplitude.map(\.period) == report.usage.periods)
        #expect(amplitude.allSatisfy { $0.mean == 2 })
        #expect(report.series.battery.count == 20)
    }

    @Test func everyContactsImpedanceSharesTheBucketsWhenTheyBecomeMonths() throws {
        let limits = try R.limits("tonic-16")
        var series = ImpedanceSeries(firstDay: 0, contacts: LeadContacts(limits))
        // Contact 1 on 1970-01-01 only; contact 2 then and from the last day a weekly timeline shows
        // (1971-12-31), so that the buckets become months and the next two days share January 1972's.
        series.measured([.lead(1): Milliohms(rawValue: 500_000), .lead(2): Milliohms(rawValue: 700_000)], onDay: 0)
        let last = Int64(UsageTimeline.weeklyDays)
        for day in (last - 1)...(last + 1) {
            series.measured([.lead(2): Milliohms(rawValue: 600_000 + day), .can: Milliohms(rawValue: 1)], onDay: day)
        }
        let contacts = series.series(by: Self.timeline(days: 800))
        #expect(contacts.map(\.contact) == [1, 2])
        #expect(contacts[0].buckets.map(\.period.start) == ["1970-01-01"])
        #expect(contacts[0].buckets.map(\.measurements) == [1])
        #expect(contacts[1].buckets.map(\.period.start) == ["1970-01-01", "1971-12-01", "1972-01-01"])
        #expect(contacts[1].buckets.map(\.measurements) == [1, 1, 2])
        #expect(contacts[1].buckets[2].minimum == Milliohms(rawValue: 600_000 + last).doubleValue)
        #expect(contacts[1].buckets[2].maximum == Milliohms(rawValue: 600_000 + last + 1).doubleValue)
    }

    @Test func onlyTheLowestNumberedLeadContactsUpToTheLimitAreCharted() throws {
        var limits = try R.limits("tonic-16")
        let area = limits.leads[0].area
        limits.setLeads(
            (0..<10).map { lead in
                Lead(name: "L\(lead)", contacts: Array((8 * lead + 1)...(8 * lead + 8)), area: area)
            })
        var series = ImpedanceSeries(firstDay: 0, contacts: LeadContacts(limits))
        var measured: [ContactID: Milliohms] = [.lead(0): Milliohms(rawValue: 1), .lead(500): Milliohms(rawValue: 1)]
        for number in 1...80 { measured[.lead(number)] = Milliohms(rawValue: Int64(number) * 1000) }
        series.measured(ImpedanceMeasurement(measured), onDay: 0)
        let contacts = series.series(by: Self.timeline(days: 3))
        #expect(contacts.map(\.contact) == Array(1...RecordingSeries.contactLimit))
        #expect(contacts.map { $0.buckets.map(\.mean) } == (1...RecordingSeries.contactLimit).map { [Double($0)] })
    }
}
