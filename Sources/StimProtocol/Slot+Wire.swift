import StimSafety

extension Slot {
    /// The slot a wire byte names; nil for 0, which names no slot on the wire.
    public init?(wireByte: UInt8) {
        self.init(number: Int(wireByte))
    }

    /// The slot's one wire byte; nil for a slot above 255, which the wire cannot carry.
    public var wireByte: UInt8? { UInt8(exactly: number) }
}

extension ByteWriter {
    /// Writes a slot as its one byte; a slot above 255 is refused before anything is sent.
    mutating func write(_ slot: Slot, field: String) throws(EncodeError) {
        guard let byte = slot.wireByte else { throw .valueOutOfRange(field: field, value: slot.number) }
        write(byte)
    }
}

extension ByteReader {
    /// Reads a slot's byte; 0 names no slot and is refused.
    mutating func readSlotNumber(field: String) throws(PayloadError) -> Slot {
        let byte: UInt8 = try read(field: field)
        guard let slot = Slot(wireByte: byte) else { throw .invalidValue(field: field, value: Int(byte)) }
        return slot
    }
}
