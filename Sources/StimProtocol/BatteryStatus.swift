import StimSafety

/// The battery as the device reports it.
///
/// Wire form: percent (UInt8, 0–100), voltage in mV (Int64), flags (UInt8: bit 0 rechargeable,
/// bit 1 charging; bits 2–7 zero).
public struct BatteryStatus: Hashable, Sendable {
    /// State of charge, 0 to 100.
    public var percent: UInt8
    /// Cell voltage.
    public var voltage: Millivolts
    /// Whether the cell can be recharged (otherwise a primary cell).
    public var isRechargeable: Bool
    /// Whether a charge session is running.
    public var isCharging: Bool

    public init(percent: UInt8, voltage: Millivolts, isRechargeable: Bool, isCharging: Bool) {
        self.percent = percent
        self.voltage = voltage
        self.isRechargeable = isRechargeable
        self.isCharging = isCharging
    }
}

extension ByteWriter {
    mutating func write(_ battery: BatteryStatus) throws(EncodeError) {
        guard battery.percent <= 100 else {
            throw .valueOutOfRange(field: "battery percent", value: Int(battery.percent))
        }
        write(battery.percent)
        write(battery.voltage.rawValue)
        write((battery.isRechargeable ? UInt8(1) : 0) | (battery.isCharging ? 2 : 0))
    }
}

extension ByteReader {
    mutating func readBattery() throws(PayloadError) -> BatteryStatus {
        let percent: UInt8 = try read(field: "battery percent")
        guard percent <= 100 else { throw .invalidValue(field: "battery percent", value: Int(percent)) }
        let voltage = Millivolts(rawValue: try read(field: "battery voltage"))
        let flags: UInt8 = try read(field: "battery flags")
        guard flags & ~0b11 == 0 else { throw .invalidValue(field: "battery flags", value: Int(flags)) }
        return BatteryStatus(
            percent: percent, voltage: voltage, isRechargeable: flags & 1 != 0, isCharging: flags & 2 != 0)
    }
}
