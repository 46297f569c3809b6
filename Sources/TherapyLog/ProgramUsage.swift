import StimSafety

/// Therapy delivered from one program slot: its time and amplitude × time, added up as delivered.
public struct ProgramUsage: Hashable, Sendable {
    /// The program slot (1…N).
    public var slot: Slot
    var nanoseconds: Int64 = 0
    var nanoampNanoseconds: Int128 = 0

    /// Hours of therapy delivered from this slot.
    public var therapyHours: Double { Hours.from(nanoseconds: nanoseconds) }
    /// The amplitude averaged over the slot's delivered time, in mA.
    public var meanAmplitude: Double {
        Double(converting: nanoampNanoseconds) / Double(nanoseconds) / Double(Nanoamps.subunitsPerUnit)
    }

    mutating func add(_ duration: Int64, at amplitude: Nanoamps) {
        nanoseconds += duration
        nanoampNanoseconds += Int128(amplitude.rawValue) * Int128(duration)
    }

    mutating func add(_ other: ProgramUsage) {
        nanoseconds += other.nanoseconds
        nanoampNanoseconds += other.nanoampNanoseconds
    }
}
