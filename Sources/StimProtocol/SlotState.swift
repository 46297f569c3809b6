import StimSafety

/// One program slot as the device holds it.
///
/// Wire form: slot number (UInt8), flags (UInt8: bit 0 enabled, bit 1 has a program; bits 2–7 zero),
/// then the program when bit 1 is set.
public struct SlotState: Hashable, Sendable {
    /// The slot.
    public var slot: Slot
    /// Whether a patient may activate the slot.
    public var isEnabled: Bool
    /// The program stored in the slot, nil when empty.
    public var program: StimProgram?

    public init(slot: Slot, isEnabled: Bool, program: StimProgram?) {
        self.slot = slot
        self.isEnabled = isEnabled
        self.program = program
    }
}

extension ByteWriter {
    mutating func write(_ slot: SlotState) throws(EncodeError) {
        try write(slot.slot, field: "slot")
        write((slot.isEnabled ? UInt8(1) : 0) | (slot.program != nil ? 2 : 0))
        if let program = slot.program { try write(program) }
    }
}

extension ByteReader {
    mutating func readSlot() throws(PayloadError) -> SlotState {
        let slot = try readSlotNumber(field: "slot")
        let flags: UInt8 = try read(field: "slot flags")
        guard flags & ~0b11 == 0 else { throw .invalidValue(field: "slot flags", value: Int(flags)) }
        let program = flags & 2 != 0 ? try readProgram() : nil
        return SlotState(slot: slot, isEnabled: flags & 1 != 0, program: program)
    }
}
