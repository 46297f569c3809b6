import StimSafety

/// Therapy delivered from one program slot.
public struct ProgramUsage: Hashable, Sendable {
    /// The program slot (1…N).
    public var slot: Slot
    /// Hours of therapy delivered from this slot.
    public var therapyHours: Double
    /// The amplitude averaged over the slot's delivered time, in mA.
    public var meanAmplitude: Double
}
