import Foundation
import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

/// The bounded series the HTML report charts: per-day tallies that widen instead of growing.
@Suite("Chart series")
struct SeriesTests {
    typealias R = TestRecordings
    typealias Days = RecordingSeries.Days

    static func day(_ date: String) throws -> Int64 {
        try #require(Timestamp(rfc3339: date + "T00:00:00Z")).dayNumber
    }

    @Test func theEdgeCaseRecordingGivesItsHandComputedSeries() throws {
        let report = try R.analyze(R.edgeCases.appendingPathComponent("charges-impedance-safety.scsrec.jsonl"))
        let first = try Self.day("2026-10-01")
        let series = report.series

        // Slot 1: written at 7 mA (range 2–8), raised to 12, set to 12, lowered to 5; delivered
        // 08:00–20:00 at 7 (2 h), 12 (4 h), 5 (6 h): mean (14 + 48 + 30) / 12.
        let amplitude = try #require(series.amplitude.first)
        #expect(series.amplitude.count == 1)
        #expect(amplitude.slot == 1)
        #expect(
            amplitude.buckets == [
                RecordingSeries.AmplitudeBucket(
                    days: Days(firstDay: first, days: 1), minimum: 5, maximum: 12, mean: 92.0 / 12, patientRange: 2...8)
            ])

        // Contacts 1–5 of the profile; neither the case nor contact 17, which tonic-16 lacks.
        #expect(series.impedance.map(\.contact) == [1, 2, 3, 4, 5])
        let contact1 = try #require(series.impedance.first).buckets
        #expect(
            contact1 == [
                RecordingSeries.ImpedanceBucket(
                    days: Days(firstDay: first, days: 1), minimum: 800, maximum: 1000, mean: 900, measurements: 2),
                RecordingSeries.ImpedanceBucket(
                    days: Days(firstDay: first + 3, days: 1), minimum: 5000, maximum: 5000, mean: 5000, measurements: 1),
            ])

        // Sessions 21:00–22:00 on day 1, 22:00–23:00 on day 2 (the restarted one), 09:00–10:00 on day 4;
        // the `end` without a start on day 3 adds nothing.
        #expect(
            series.charging == [
                RecordingSeries.Charging(days: Days(firstDay: first, days: 1), hours: 1, sessions: 1),
                RecordingSeries.Charging(days: Days(firstDay: first + 1, days: 1), hours: 1, sessions: 1),
                RecordingSeries.Charging(days: Days(firstDay: first + 3, days: 1), hours: 1, sessions: 1),
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
        let first = try Self.day("2026-01-01")
        let buckets = try #require(report.series.amplitude.first?.buckets)
        // Day 1: 2 mA for 4 h, 4 mA for 2 h; day 2: 4 mA for 2 h.
        #expect(buckets.map(\.days.firstDay) == [first, first + 1])
        #expect(buckets.map(\.minimum) == [2, 4])
        #expect(buckets.map(\.maximum) == [4, 4])
        #expect(buckets[0].mean.map { isClose($0, (8.0 + 8) / 6) } == true)
        #expect(buckets[1].mean == 4)
        #expect(buckets.allSatisfy { $0.patientRange == nil })
        #expect(
            report.series.battery == [
                RecordingSeries.Battery(days: Days(firstDay: first, days: 1), minimum: 60.5, maximum: 80, last: 60.5),
                RecordingSeries.Battery(days: Days(firstDay: first + 1, days: 1), minimum: 70, maximum: 70, last: 70),
            ])
    }

    @Test func bucketsDoubleTheirWidthInsteadOfGrowingPastTheirCapacity() {
        struct Count: DayTally {
            var days = 0
            mutating func merge(following later: Count) { days += later.days }
        }
        var buckets = DayBuckets<Count>(firstDay: 100, capacity: 4)
        for day in Int64(100)..<110 where day != 105 {
            buckets.update(day: day, empty: Count()) { $0.days += 1 }
        }
        #expect(buckets.width == 4)
        #expect(buckets.tallies.count <= 4)
        let recorded = buckets.recorded
        #expect(recorded.map(\.firstDay) == [100, 104, 108])
        #expect(recorded.map(\.days) == [4, 4, 4])
        #expect(recorded.map(\.tally.days) == [4, 3, 2])
        buckets.update(day: 99, empty: Count()) { $0.days += 1 }
        #expect(buckets.recorded.map(\.tally.days) == [4, 3, 2])
    }

    @Test func aRecordingOfTwentyYearsKeepsAtMostTheBucketLimitPerSeries() throws {
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
        #expect(amplitude.count <= RecordingSeries.bucketLimit)
        // 7,305 days in at most 366 buckets: 32 days each (16 would need 457).
        #expect(amplitude.allSatisfy { $0.days.days == 32 })
        #expect(isClose(amplitude.reduce(0) { $0 + ($1.mean ?? 0) } / Double(amplitude.count), 2))
        #expect(report.series.battery.count == 20)
    }

    @Test func everyContactsImpedanceSharesTheBucketsWhenTheyWiden() throws {
        let limits = try R.limits("tonic-16")
        var series = ImpedanceSeries(firstDay: 0, contacts: LeadContacts(limits))
        // Contact 1 on day 0 only; contact 2 on day 0 and then daily from the last day that fits one
        // bucket per day, so that the buckets double and later measurements share a widened bucket.
        series.measured([.lead(1): Milliohms(rawValue: 500_000), .lead(2): Milliohms(rawValue: 700_000)], onDay: 0)
        let last = Int64(RecordingSeries.bucketLimit)
        for day in (last - 1)...(last + 2) {
            series.measured([.lead(2): Milliohms(rawValue: 600_000 + day), .can: Milliohms(rawValue: 1)], onDay: day)
        }
        let contacts = series.series
        #expect(contacts.map(\.contact) == [1, 2])
        #expect(contacts.flatMap(\.buckets).allSatisfy { $0.days.days == 2 })
        #expect(contacts[0].buckets.map(\.days.firstDay) == [0])
        #expect(contacts[0].buckets.map(\.measurements) == [1])
        // The days around the limit fall in the 2-day buckets from limit − 2, limit and limit + 2.
        #expect(contacts[1].buckets.map(\.days.firstDay) == [0, last - 2, last, last + 2])
        #expect(contacts[1].buckets.map(\.measurements) == [1, 1, 2, 1])
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
        let contacts = series.series
        #expect(contacts.map(\.contact) == Array(1...RecordingSeries.contactLimit))
        #expect(contacts.map { $0.buckets.map(\.mean) } == (1...RecordingSeries.contactLimit).map { [Double($0)] })
    }
}
