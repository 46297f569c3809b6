import StimSafety
import Testing

@testable import TherapyLog

/// The small look-ups the series keep: a bounded map of few keys, and the lead contacts.
@Suite("Series look-ups")
struct LookupTableTests {
    @Test func aFullMapIgnoresANewKey() {
        var map = BoundedMap<Int, Int>(capacity: 2)
        for key in [7, 3, 9, 3] { map.update(key, make: 0) { $0 += key } }
        #expect(map.sorted.map(\.key) == [3, 7])
        #expect(map.sorted.map(\.value) == [6, 7])
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
