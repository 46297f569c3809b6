/// One impedance measurement: milliohms per contact, each contact once, in ``ContactID`` order.
///
/// Read like a dictionary from contact to milliohms (a dictionary literal makes one), but held as
/// one sorted array: a measurement is made once and then walked, and a recording holds one a day,
/// so hashing every contact on the way in would cost more than everything done with it afterwards.
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

    // Inlinable where a measurement is built and walked, since its users are in other modules.
    @usableFromInline var entries: [Entry]

    /// No contact measured.
    @inlinable
    public init() {
        entries = []
    }

    /// The measurements of a dictionary, in contact order.
    public init(_ measured: [ContactID: Milliohms]) {
        entries = measured.map { Entry($0.key, $0.value) }.sorted { $0.contact < $1.contact }
    }

    /// The measurements written, each contact once (a repeated contact traps, as in a dictionary literal).
    public init(dictionaryLiteral elements: (ContactID, Milliohms)...) {
        self.init(Dictionary(uniqueKeysWithValues: elements))
    }

    /// Makes room for `count` contacts.
    @inlinable
    public mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    /// Adds `contact` after the last one held; returns false, changing nothing, unless it sorts after
    /// every contact already held (so a repeated contact is refused too).
    @inlinable
    public mutating func append(_ contact: ContactID, _ ohms: Milliohms) -> Bool {
        if let last = entries.last, !(last.contact < contact) { return false }
        entries.append(Entry(contact, ohms))
        return true
    }

    /// The measured impedance of `contact`, if it was measured.
    public subscript(contact: ContactID) -> Milliohms? {
        entries.first { $0.contact == contact }?.ohms
    }

    @inlinable public var startIndex: Int { entries.startIndex }
    @inlinable public var endIndex: Int { entries.endIndex }
    @inlinable public subscript(position: Int) -> Entry { entries[position] }
}
