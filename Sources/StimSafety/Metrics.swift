/// The figures reported with every validation (`safety-rules.md` §3), in its units.
public struct Metrics: Hashable, Sendable {
    /// Largest charge per phase on an active lead contact, µC.
    public var chargePerPhase: Double = 0
    /// Largest charge density per phase, µC/cm².
    public var maxChargeDensity: Double = 0
    /// Largest Shannon k; nil when no lead contact carries charge.
    public var maxShannonK: Double?
    /// Largest `I × Z + headroom` over active contacts (case included), V.
    public var maxRequiredVoltage: Double = 0
    /// Pulses per second after burst and cycling; nil when a burst lacks its pulse count.
    public var pulseRate: Double?
    /// Average current drawn for stimulation, µA.
    public var stimulationCurrent: Double?
    /// Average current drawn from the cell, µA.
    public var batteryCurrent: Double?
    /// Days between recharges (rechargeable devices).
    public var rechargeIntervalDays: Double?
    /// Years of service (primary cells).
    public var longevityYears: Double?

    public init() {}
}
