import StimSafety

/// A measurement in the measureImpedance reply.
///
/// Wire form: count (UInt8), then per contact: tag (UInt8: 0 lead, 1 case), number (UInt16, 0 for
/// the case), impedance in milliohms (Int64). Lead contacts in increasing number, then the case, each
/// once, so that a reply has one encoding.
extension ByteWriter {
    mutating func write(_ measurement: ImpedanceMeasurement) throws(EncodeError) {
        try writeCount(measurement.count, field: "impedances")
        for entry in measurement {
            try write(entry.contact)
            write(entry.ohms.rawValue)
        }
    }
}

extension ByteReader {
    mutating func readImpedances() throws(PayloadError) -> ImpedanceMeasurement {
        let count: UInt8 = try read(field: "impedances")
        var measurement = ImpedanceMeasurement()
        measurement.reserveCapacity(Int(count))
        for _ in 0..<count {
            let contact = try readContact()
            let ohms = Milliohms(rawValue: try read(field: "impedance"))
            // One encoding per reply: the contacts in order, each once. The value is the contact
            // number, 0 for the case.
            guard measurement.append(contact, ohms) else {
                let number = if case .lead(let number) = contact { number } else { 0 }
                throw .invalidValue(field: "impedance contact order", value: number)
            }
        }
        return measurement
    }
}
