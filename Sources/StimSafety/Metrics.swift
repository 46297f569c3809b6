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

extension Metrics {
    /// The device-profile fields (`docs/device-profiles.md` paths, `leads[]` for any lead) each metric's
    /// value or limit reads, by the metric's JSON key (a metric reading none is absent): the one table that says which figures an assumed
    /// profile value reaches. The battery figures include the required voltage's fields, as the supply
    /// voltage follows it (`safety-rules.md` §3).
    public static let profileFields: [String: [String]] = {
        let voltage = ["impedance.nominal", "headroom", "complianceVoltage"]
        let battery =
            voltage + [
                "battery.quiescentCurrent", "battery.efficiency", "battery.cellVoltage", "battery.minimumStimVoltage",
            ]
        return [
            "maxChargeDensity": ["leads[].areaMM2", "limits.chargeDensity.warn", "limits.chargeDensity.reject"],
            "maxShannonK": ["leads[].areaMM2", "limits.shannonK.warn", "limits.shannonK.reject"],
            "maxRequiredVoltage": voltage,
            "batteryCurrent": battery,
            "rechargeIntervalDays": battery + ["battery.capacity", "battery.usableFraction"],
            "longevityYears": battery + ["battery.capacity", "battery.minimumLongevityYears"],
        ]
    }()

    /// The fields of `assumed` (profile paths such as `leads[0].areaMM2`) that the metric with JSON key
    /// `key` rests on, in the order given.
    public static func assumed(_ key: String, among assumed: [String]) -> [String] {
        let reads = profileFields[key] ?? []
        return assumed.filter { path in matches(path, any: reads) }
    }

    /// Whether profile path `path` is one of `patterns` names: any lead's field matches its `leads[]`
    /// entry, and a `*` segment any one name.
    static func matches(_ path: String, any patterns: [String]) -> Bool {
        // The path is generalised once for all patterns. (A regex costs a millisecond a call
        // unoptimised, so only paths with an index run one: the browser programmer reports on every
        // slider step.)
        let general = (path.contains("[") ? path.replacing(/\[\d+\]/, with: "[]") : path).split(separator: ".")
        return patterns.contains { pattern in
            let segments = pattern.split(separator: ".")
            return general.count == segments.count && zip(general, segments).allSatisfy { $1 == "*" || $0 == $1 }
        }
    }
}
