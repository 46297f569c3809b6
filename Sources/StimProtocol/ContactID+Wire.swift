import StimSafety

/// Contacts on the wire: a tag byte (0 lead contact, 1 case) and a UInt16 contact number (0 for the
/// case).
extension ByteWriter {
    mutating func write(_ contact: ContactID) throws(EncodeError) {
        switch contact {
        case .lead(let number):
            guard let wire = UInt16(exactly: number) else {
                throw .valueOutOfRange(field: "contact number", value: number)
            }
            write(UInt8(0))
            write(wire)
        case .can:
            write(UInt8(1))
            write(UInt16(0))
        case .unrecognized(let key):
            throw .unencodableContact(key)
        }
    }
}

extension ByteReader {
    mutating func readContact() throws(PayloadError) -> ContactID {
        let tag: UInt8 = try read(field: "contact tag")
        let number: UInt16 = try read(field: "contact number")
        switch tag {
        case 0:
            return .lead(Int(number))
        case 1:
            guard number == 0 else { throw .invalidValue(field: "case contact number", value: Int(number)) }
            return .can
        default:
            throw .invalidValue(field: "contact tag", value: Int(tag))
        }
    }
}
