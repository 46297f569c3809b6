import StimSafety

/// Everything the readState reply carries: slots and programs, what runs, the battery.
///
/// Wire form: flags (UInt8: bit 0 therapy on, bit 1 a slot is active; bits 2–7 zero), active slot
/// (UInt8, 0 when none), running amplitude nA (Int64), target amplitude nA (Int64), battery (see
/// `BatteryStatus`), slot count (UInt8), the slots (see `SlotState`).
public struct DeviceState: Hashable, Sendable {
    /// The device's slots, in the order it lists them.
    public var slots: [SlotState]
    /// The slot whose program runs (or would run with therapy on), nil when none is chosen.
    public var activeSlot: Slot?
    /// Whether therapy is on.
    public var isTherapyOn: Bool
    /// The amplitude delivered now; differs from `targetAmplitude` while a ramp runs.
    public var runningAmplitude: Nanoamps
    /// The amplitude the device ramps towards.
    public var targetAmplitude: Nanoamps
    /// The battery when the state was read.
    public var battery: BatteryStatus

    public init(
        slots: [SlotState], activeSlot: Slot?, isTherapyOn: Bool, runningAmplitude: Nanoamps,
        targetAmplitude: Nanoamps, battery: BatteryStatus
    ) {
        self.slots = slots
        self.activeSlot = activeSlot
        self.isTherapyOn = isTherapyOn
        self.runningAmplitude = runningAmplitude
        self.targetAmplitude = targetAmplitude
        self.battery = battery
    }
}

extension ByteWriter {
    mutating func write(_ state: DeviceState) throws(EncodeError) {
        write((state.isTherapyOn ? UInt8(1) : 0) | (state.activeSlot != nil ? 2 : 0))
        if let active = state.activeSlot { try write(active, field: "active slot") } else { write(UInt8(0)) }
        write(state.runningAmplitude.rawValue)
        write(state.targetAmplitude.rawValue)
        try write(state.battery)
        try writeCount(state.slots.count, field: "slots")
        for slot in state.slots { try write(slot) }
    }
}

extension ByteReader {
    mutating func readState() throws(PayloadError) -> DeviceState {
        let flags: UInt8 = try read(field: "state flags")
        guard flags & ~0b11 == 0 else { throw .invalidValue(field: "state flags", value: Int(flags)) }
        let active: UInt8 = try read(field: "active slot")
        let activeSlot = Slot(wireByte: active)
        guard (flags & 2 != 0) == (activeSlot != nil) else {
            throw .invalidValue(field: "active slot", value: Int(active))
        }
        let running = Nanoamps(rawValue: try read(field: "running amplitude"))
        let target = Nanoamps(rawValue: try read(field: "target amplitude"))
        let battery = try readBattery()
        let count: UInt8 = try read(field: "slots")
        var slots: [SlotState] = []
        slots.reserveCapacity(Int(count))
        for _ in 0..<count { slots.append(try readSlot()) }
        return DeviceState(
            slots: slots, activeSlot: activeSlot, isTherapyOn: flags & 1 != 0,
            runningAmplitude: running, targetAmplitude: target, battery: battery)
    }
}
