import Testing

@testable import TherapyLog

/// The small look-ups the series keep: a bounded map of few integer keys, and the lead contacts.
@Suite("Series look-ups")
struct LookupTableTests {
    @Test func aHintAtAnotherKeyStillUpdatesTheKeyGiven() {
        var map = BoundedIntMap<Int>(capacity: 4)
        for key in [7, 3, 9] { map.update(key, make: 0) { $0 += key } }
        map.update(3, hint: 0, make: 100) { $0 += 1 }  // position 0 holds 7
        map.update(9, hint: 2, make: 100) { $0 += 1 }  // position 2 holds 9
        map.update(5, hint: 1, make: 100) { $0 += 1 }  // a new key
        #expect(map.sorted.map(\.key) == [3, 5, 7, 9])
        #expect(map.sorted.map(\.value) == [4, 101, 7, 10])
    }

    @Test func aFullMapIgnoresANewKeyWhateverTheHint() {
        var map = BoundedIntMap<Int>(capacity: 2)
        map.update(1, hint: 0, make: 1) { _ in }
        map.update(2, hint: 1, make: 2) { _ in }
        map.update(3, hint: 2, make: 3) { _ in }
        map.update(4, hint: 0, make: 4) { _ in }
        #expect(map.sorted.map(\.key) == [1, 2])
    }

    @Test func theLeadContactsAreTheProfilesAndNoOthers() throws {
        let contacts = LeadContacts(try TestRecordings.limits("tonic-16"))
        #expect((1...16).allSatisfy(contacts.contains))
        #expect(![-1, 0, 17, 255, Int.max, Int.min].contains(where: contacts.contains))
    }
}
