import StimProtocol
import StimSafety

/// A fault that can be injected on a contact.
public enum ImpedanceFault: String, CaseIterable, Hashable, Sendable {
    /// A broken conductor: the contact measures five times the profile's open threshold.
    case open
    /// A short to another conductor: the contact measures two fifths of the profile's short threshold.
    case short
}

/// The impedance of every contact: the profile's nominal value with a seeded spread, unless a fault
/// has been injected. The case measures an eighth of nominal (its area is very large).
struct ImpedanceModel: Sendable {
    /// The fault-free value of every lead contact and of the case.
    private(set) var baseline: [ContactID: Milliohms] = [:]
    /// Injected faults by contact.
    var faults: [ContactID: ImpedanceFault] = [:]
    private let thresholds: ImpedanceThresholds

    init(limits: DeviceLimits, variation: Double, seed: UInt64) {
        thresholds = limits.impedance
        var generator = SeededRandom(seed: seed)
        let spread = max(0, min(variation, 0.95))
        let contacts = limits.leads.flatMap(\.contacts).sorted()
        for contact in contacts {
            let factor = 1 + spread * Double.random(in: -1...1, using: &generator)
            baseline[.lead(contact)] = Self.wholeOhms(Double(limits.impedance.nominal.rawValue) * factor)
        }
        let caseFactor = (1 + spread * Double.random(in: -1...1, using: &generator)) / 8
        baseline[.can] = Self.wholeOhms(Double(limits.impedance.nominal.rawValue) * caseFactor)
    }

    /// Whether the model knows `contact` (a lead contact of the profile, or the case).
    func knows(_ contact: ContactID) -> Bool {
        baseline[contact] != nil
    }

    /// What `contact` measures now, nil for a contact the device does not have.
    func impedance(of contact: ContactID) -> Milliohms? {
        guard let base = baseline[contact] else { return nil }
        switch faults[contact] {
        case .open: return Milliohms(rawValue: Int64(clamping: Int128(thresholds.open.rawValue) * 5))
        case .short: return Milliohms(rawValue: Int64(Int128(thresholds.short.rawValue) * 2 / 5))
        case nil: return base
        }
    }

    /// A measurement of every lead contact in number order, then the case.
    func measurement() -> ImpedanceMeasurement {
        var measured: [ContactID: Milliohms] = [:]
        for contact in baseline.keys { measured[contact] = impedance(of: contact) }
        return ImpedanceMeasurement(measured)
    }

    /// Whether a measured value is outside the profile's short and open thresholds.
    func isFaulty(_ value: Milliohms) -> ImpedanceFault? {
        if value < thresholds.short { return .short }
        if value > thresholds.open { return .open }
        return nil
    }

    /// Milliohms rounded to a whole ohm, as a device reports them; a profile's nominal value near the
    /// top of the range stays there.
    private static func wholeOhms(_ milliohms: Double) -> Milliohms {
        Milliohms(rawValue: min(Int64(roundedClamping: milliohms / 1000), Int64.max / 1000) * 1000)
    }
}
