import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

/// The bounds and look-ups of the series: the slots charted, and the lead contacts.
@Suite("Series look-ups")
struct LookupTableTests {
    @Test func theAmplitudeSeriesChartTheFirstSlotsSeenAndKeepUpdatingThem() throws {
        let start = Timestamp(nanosecondsSinceEpoch: 0)
        var recorder = SeriesRecorder(
            start: start, zone: .utc, leadContacts: LeadContacts(try TestRecordings.limits("tonic-16")))
        func set(_ number: Int, _ nanoamps: Int64) throws {
            recorder.set(
                slot: try #require(Slot(number: number)), amplitude: Nanoamps(rawValue: nanoamps), range: nil, at: start
            )
        }
        // Slots 7, 3 and 20…33 are the first 16 seen; 34…40 come when the series are full.
        for number in [7, 3] + Array(20...40) { try set(number, 1_000_000) }
        try set(7, 9_000_000)
        let series = recorder.series(by: SeriesTests.timeline(days: 1))
        #expect(RecordingSeries.slotLimit == 16)
        #expect(series.amplitude.map(\.slot.number) == [3, 7] + Array(20...33))
        #expect(series.amplitude[1].buckets.map(\.maximum) == [9])
    }

    @Test func theLeadContactsAreTheProfilesAndNoOthers() throws {
        let contacts = LeadContacts(try TestRecordings.limits("tonic-16"))
        #expect((1...16).allSatisfy { contacts.place(of: $0) != nil })
        #expect([-1, 0, 17, 255, Int.max, Int.min].allSatisfy { contacts.place(of: $0) == nil })
    }

    @Test func eachLeadContactHasItsPlaceInIncreasingNumber() throws {
        var limits = try TestRecordings.limits("tonic-16")
        limits.setLeads([
            Lead(name: "B", contacts: [20, 11, 14], area: limits.leads[0].area),
            Lead(name: "A", contacts: [3, 5], area: limits.leads[0].area),
        ])
        let contacts = LeadContacts(limits)
        #expect(contacts.numbers == [3, 5, 11, 14, 20])
        #expect([3, 5, 11, 14, 20].map(contacts.place(of:)) == [0, 1, 2, 3, 4])
        #expect([0, 4, 12, 19, 21, -3].allSatisfy { contacts.place(of: $0) == nil })
    }
}
