import StimProtocol
import StimSafety

/// The cell of the battery model of `safety-rules.md` §3: a charge that the battery current drains
/// and a charge session refills, integrated exactly over spans of constant current.
///
/// A rechargeable cell counts its usable charge (`capacity × usableFraction`), a primary cell all of
/// it. Charge is in µAh, currents in µA, spans in nanoseconds.
struct BatteryState: Sendable {
    /// µA·ns per µAh.
    private static let nanosecondsPerHour = 3.6e12

    let model: BatteryModel
    /// The charge of a full cell, µAh.
    let full: Double
    /// The charge left, 0 … `full`, µAh.
    private(set) var remaining: Double
    /// Whether a charge session is running.
    var isCharging = false
    /// The current a charge session drives into the cell, µA.
    let chargeCurrent: Double

    init(model: BatteryModel, fraction: Double, chargeRatePerHour: Double) {
        self.model = model
        let usable = model.kind == .rechargeable ? model.usableFraction : 1
        // A profile's capacity has no upper bound; past the largest double the cell would never drain.
        full = min(max(model.capacity * 1000 * usable, 0), .greatestFiniteMagnitude)
        remaining = full * max(0, min(fraction, 1))
        chargeCurrent = full * max(chargeRatePerHour, 0)
    }

    /// The state of charge, 0 … 1.
    var fraction: Double { full > 0 ? remaining / full : 0 }

    /// Nothing left to stimulate with.
    var isEmpty: Bool { remaining <= full * 1e-12 }

    /// Full: a charge session has nothing left to do.
    var isFull: Bool { remaining >= full * (1 - 1e-12) }

    /// The percent a device reports: rounded, but 1 rather than 0 while any charge is left.
    var percent: UInt8 {
        guard !isEmpty else { return 0 }
        return UInt8(max(1, min(100, (fraction * 100).rounded())))
    }

    /// The cell voltage, an illustrative linear curve from 85 % of the nominal cell voltage empty to
    /// 115 % full.
    var voltage: Millivolts {
        Millivolts(rawValue: Int64(roundedClamping: model.cellVoltage * (0.85 + 0.3 * fraction) * 1000))
    }

    /// The reading the wire's battery reply carries.
    var status: BatteryStatus {
        BatteryStatus(
            percent: percent, voltage: voltage, isRechargeable: model.kind == .rechargeable, isCharging: isCharging)
    }

    /// How long a net drain of `net` µA (negative while charging faster than draining) takes to empty
    /// the cell (only `whileStimulating`, since emptying matters only then) or to fill it during a
    /// charge session; nil when neither happens.
    func nanosecondsUntilBoundary(net: Double, whileStimulating: Bool) -> Int64? {
        let charge: Double
        if net > 0, whileStimulating, !isEmpty {
            charge = remaining
        } else if net < 0, isCharging, !isFull {
            charge = full - remaining
        } else {
            return nil
        }
        let span = (charge / abs(net) * Self.nanosecondsPerHour).rounded(.up)
        guard span.isFinite, span < 4e18 else { return nil }
        return max(1, Int64(span))
    }

    /// Applies a net drain of `net` µA for `nanoseconds`, clamped to an empty or a full cell.
    mutating func apply(net: Double, nanoseconds: Int64) {
        guard nanoseconds > 0 else { return }
        remaining -= net * Double(nanoseconds) / Self.nanosecondsPerHour
        remaining = max(0, min(remaining, full))
    }
}
