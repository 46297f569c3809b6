import StimSafety

/// One contact's measured impedance, in the measureImpedance reply.
///
/// Wire form: count (UInt8), then per contact: tag (UInt8: 0 lead, 1 case), number (UInt16, 0 for
/// the case), impedance in milliohms (Int64).
public struct ContactImpedance: Hashable, Sendable {
    /// The contact measured, a lead contact or the case.
    public var contact: ContactID
    /// Its measured impedance.
    public var impedance: Milliohms

    public init(_ contact: ContactID, _ impedance: Milliohms) {
        self.contact = contact
        self.impedance = impedance
    }
}

extension ByteWriter {
    mutating func write(_ impedances: [ContactImpedance]) throws(EncodeError) {
        try writeCount(impedances.count, field: "impedances")
        for entry in impedances {
            try write(entry.contact)
            write(entry.impedance.rawValue)
        }
    }
}

extension ByteReader {
    mutating func readImpedances() throws(PayloadError) -> [ContactImpedance] {
        let count: UInt8 = try read(field: "impedances")
        var entries: [ContactImpedance] = []
        entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            let contact = try readContact()
            entries.append(ContactImpedance(contact, Milliohms(rawValue: try read(field: "impedance"))))
        }
        return entries
    }
}
