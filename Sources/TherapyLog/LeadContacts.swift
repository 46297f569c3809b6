import StimSafety

/// The contact numbers on a device's leads, looked up without the device limits: the impedance alerts
/// and series ask about every contact of every measurement.
struct LeadContacts: Sendable {
    /// Whether each number from 0 up is on a lead.
    private let isOnLead: [Bool]

    init(_ limits: DeviceLimits) {
        let highest = limits.leads.lazy.flatMap(\.contacts).max() ?? -1
        isOnLead = highest < 0 ? [] : (0...highest).map { limits.area(ofContact: $0) != nil }
    }

    /// Whether contact `number` is on a lead (has an electrode area).
    @inline(__always)
    func contains(_ number: Int) -> Bool {
        // One unsigned comparison also turns a negative number away.
        UInt(bitPattern: number) < UInt(bitPattern: isOnLead.count) && isOnLead[number]
    }
}
