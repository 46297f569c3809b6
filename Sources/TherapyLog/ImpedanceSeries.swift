import StimSafety

/// The impedance series of the charted lead contacts (the lowest-numbered
/// ``RecordingSeries/contactLimit`` the device has): one row of per-contact tallies per bucket.
///
/// The contacts of a measurement share its time, so a measurement finds its bucket once and then
/// tallies each contact by its place on the leads, without a look-up per contact; and every contact's
/// series has the same buckets.
struct ImpedanceSeries: Sendable {
    private let contacts: LeadContacts
    /// How many contacts are charted: the first this many of ``contacts``.
    private let charted: Int
    private var rows: DayBuckets<ImpedanceRow>

    init(firstDay: Int64, contacts: LeadContacts) {
        self.contacts = contacts
        charted = min(contacts.numbers.count, RecordingSeries.contactLimit)
        rows = DayBuckets(firstDay: firstDay)
    }

    /// An impedance measurement on local day `day`, in hour `hour` of ``HourlyUsage``'s hours if one;
    /// contacts on no lead, and those past the charted ones, are left out.
    mutating func measured(_ measured: ImpedanceMeasurement, onDay day: Int64, hour: Int? = nil) {
        let (contacts, charted) = (self.contacts, self.charted)
        let include = { (row: inout ImpedanceRow) in
            row.tallies.withUnsafeMutableBufferPointer { tallies in
                for lead in measured.leads {
                    guard let place = contacts.place(of: lead.number), place < tallies.count else { continue }
                    tallies[place].include(lead.ohms)
                }
            }
        }
        rows.update(day: day, empty: ImpedanceRow(contacts: charted), include)
        if let hour { rows.update(hour: hour, empty: ImpedanceRow(contacts: charted), include) }
    }

    /// Each charted contact measured at least once, in increasing number, with its buckets in Ω by the
    /// periods of `timeline`.
    func series(by timeline: UsageTimeline) -> [RecordingSeries.ContactImpedance] {
        let recorded = rows.periods(of: timeline)
        return (0..<charted).compactMap { place in
            var buckets: [RecordingSeries.ImpedanceBucket] = []
            buckets.reserveCapacity(recorded.count)
            for bucket in recorded where bucket.tally.tallies[place].count > 0 {
                let tally = bucket.tally.tallies[place]
                buckets.append(
                    RecordingSeries.ImpedanceBucket(
                        period: bucket.period,
                        minimum: ohms(tally.minimum), maximum: ohms(tally.maximum),
                        mean: Double(converting: tally.sum) / Double(tally.count) / Double(Milliohms.subunitsPerUnit),
                        measurements: tally.count))
            }
            return buckets.isEmpty
                ? nil : RecordingSeries.ContactImpedance(contact: contacts.numbers[place], buckets: buckets)
        }
    }

    private func ohms(_ raw: Int64) -> Double { Milliohms(rawValue: raw).doubleValue }
}

/// The charted contacts' measurements over a period, by place on the leads.
private struct ImpedanceRow: DayTally {
    var tallies: [ImpedanceTally]

    init(contacts: Int) {
        tallies = Array(repeating: ImpedanceTally(), count: contacts)
    }

    mutating func merge(following later: ImpedanceRow) {
        for place in tallies.indices { tallies[place].merge(following: later.tallies[place]) }
    }
}

/// A contact's impedance measurements over a period; none while `count` is 0.
private struct ImpedanceTally: Hashable, Sendable {
    var minimum = Int64.max
    var maximum = Int64.min
    var sum: Int128 = 0
    var count = 0

    @inline(__always)
    mutating func include(_ ohms: Milliohms) {
        minimum = min(minimum, ohms.rawValue)
        maximum = max(maximum, ohms.rawValue)
        sum += Int128(ohms.rawValue)
        count += 1
    }

    mutating func merge(following later: ImpedanceTally) {
        minimum = min(minimum, later.minimum)
        maximum = max(maximum, later.maximum)
        sum += later.sum
        count += later.count
    }
}
