/// One impedance measurement: milliohms per contact, each contact once, in ``ContactID`` order.
///
/// Read like a dictionary from contact to milliohms (a dictionary literal makes one), but held as
/// sorted arrays of plain values: a measurement is made once and then walked, and a recording holds
/// one a day, so hashing every contact on the way in, and releasing each contact's key on the way
/// out, would cost more than everything done with it in between. The lead contacts, which are
/// nearly all of it, are apart in ``leads``.
public struct ImpedanceMeasurement: Hashable, Sendable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    /// One contact's measured impedance.
    public struct Entry: Hashable, Sendable {
        public var contact: ContactID
        public var ohms: Milliohms

        @inlinable
        public init(_ contact: ContactID, _ ohms: Milliohms) {
            self.contact = contact
            self.ohms = ohms
        }
    }

    /// One lead contact's measured impedance.
    public struct LeadOhms: Hashable, Sendable {
        public var number: Int
        public var ohms: Milliohms

        @inlinable
        public init(_ number: Int, _ ohms: Milliohms) {
            self.number = number
            self.ohms = ohms
        }
    }

    /// The lead contacts, in increasing number.
    public private(set) var leads: [LeadOhms]
    /// The can's measured impedance.
    public private(set) var can: Milliohms?
    /// The keys that are neither (``ContactID/unrecognized(_:)``), in increasing order.
    @usableFromInline var others: [Entry]

    /// No contact measured.
    public init() {
        leads = []
        can = nil
        others = []
    }

    /// The measurements of a dictionary, in contact order.
    public init(_ measured: [ContactID: Milliohms]) {
        self.init()
        for (contact, ohms) in measured {
            switch contact {
            case .lead(let number): leads.append(LeadOhms(number, ohms))
            case .can: can = ohms
            case .unrecognized: others.append(Entry(contact, ohms))
            }
        }
        leads.sort { $0.number < $1.number }
        others.sort { $0.contact < $1.contact }
    }

    /// The measurements written, each contact once (a repeated contact traps, as in a dictionary literal).
    public init(dictionaryLiteral elements: (ContactID, Milliohms)...) {
        self.init(Dictionary(uniqueKeysWithValues: elements))
    }

    /// Makes room for `count` lead contacts.
    public mutating func reserveCapacity(_ count: Int) {
        leads.reserveCapacity(count)
    }

    /// Adds `contact` after the last one held; returns false, changing nothing, unless it sorts after
    /// every contact already held (so a repeated contact is refused too).
    public mutating func append(_ contact: ContactID, _ ohms: Milliohms) -> Bool {
        switch contact {
        case .lead(let number): return appendLead(number, ohms)
        case .can:
            guard can == nil, others.isEmpty else { return false }
            can = ohms
        case .unrecognized:
            guard others.last.map({ $0.contact < contact }) ?? true else { return false }
            others.append(Entry(contact, ohms))
        }
        return true
    }

    /// Adds lead contact `number` after the last one held, as ``append(_:_:)`` does, without a
    /// ``ContactID`` to make and release.
    public mutating func appendLead(_ number: Int, _ ohms: Milliohms) -> Bool {
        guard can == nil, others.isEmpty, leads.last.map({ $0.number < number }) ?? true else { return false }
        leads.append(LeadOhms(number, ohms))
        return true
    }

    /// The measured impedance of `contact`, if it was measured.
    public subscript(contact: ContactID) -> Milliohms? {
        switch contact {
        case .lead(let number): leads.first { $0.number == number }?.ohms
        case .can: can
        case .unrecognized: others.first { $0.contact == contact }?.ohms
        }
    }

    // Inlinable, as the users that walk a measurement are in other modules.
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { leads.count + (can == nil ? 0 : 1) + others.count }

    @inlinable public subscript(position: Int) -> Entry {
        if position < leads.count { return Entry(.lead(leads[position].number), leads[position].ohms) }
        if let can {
            if position == leads.count { return Entry(.can, can) }
            return others[position - leads.count - 1]
        }
        return others[position - leads.count]
    }
}
