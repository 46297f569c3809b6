import StimSafety

/// The contact numbers on a device's leads, looked up without the device limits: the impedance alerts
/// and series ask about every contact of every measurement.
struct LeadContacts: Sendable {
    /// The lead contacts in increasing number.
    let numbers: [Int]
    /// For each number from 0 up to the highest lead contact: its place in ``numbers``, or -1 when it
    /// is on no lead.
    private let places: [Int32]

    init(_ limits: DeviceLimits) {
        let highest = limits.leads.lazy.flatMap(\.contacts).max() ?? -1
        numbers = highest < 0 ? [] : (0...highest).filter { limits.area(ofContact: $0) != nil }
        var places = [Int32](repeating: -1, count: highest + 1)
        for (place, number) in numbers.enumerated() { places[number] = Int32(place) }
        self.places = places
    }

    /// The place of contact `number` in ``numbers``, or nil when it is on no lead.
    @inline(__always)
    func place(of number: Int) -> Int? {
        // One unsigned comparison also turns a negative number away.
        guard UInt(bitPattern: number) < UInt(bitPattern: places.count) else { return nil }
        let place = places[number]
        return place < 0 ? nil : Int(place)
    }
}
