/// The per-contact rules' limits for one amplitude and pulse width, prepared once per program so that
/// the loop over contacts does a few exact integer comparisons on `a·|p|` and no divisions.
struct ContactThresholds {
    let amplitude: Nanoamps
    let pulseWidth: Nanoseconds
    /// `current.contact`: `a·|p| ≤ currentMax · 10⁵`.
    private let currentLimit: Int128
    /// `compliance`, with S = 10¹⁴: error when `a·|p|·Z > (V − h)·S`.
    private let complianceOver: Int128
    /// Warning when `10·a·|p|·Z ≥ (9V − 10h)·S`.
    private let complianceNear: Int128
    /// µC per unit of `a·|p|` at this pulse width.
    let chargeScale: Double
    /// The area the density bounds below hold for (−1: none yet).
    private var area: Int64 = -1
    private var areaSquareCentimetres = 0.0
    private var densityWarn = Int128.max
    private var densityReject = Int128.max

    /// `I × Z` in mV is `a·|p|·Z / 10¹⁴`.
    static let voltageScale: Int128 = powerOfTen(14)

    @inline(__always)
    init(limits: borrowing DeviceLimits, amplitude: Nanoamps, pulseWidth: Nanoseconds) {
        self.amplitude = amplitude
        self.pulseWidth = pulseWidth
        currentLimit = Int128(limits.currentPerContactMax.rawValue) * ContactLoad.wholePercent
        let volts = Int128(limits.complianceVoltage.rawValue)
        let headroom = Int128(limits.headroom.rawValue)
        complianceOver = saturatingProduct(volts - headroom, Self.voltageScale)
        complianceNear = saturatingProduct(9 * volts - 10 * headroom, Self.voltageScale)
        chargeScale = ContactLoad.chargeScale(pulseWidth)
    }

    /// `a·|p|` for a contact of share `magnitude` (raw thousandths of a percent).
    @inline(__always)
    func amperePercent(_ magnitude: Int64) -> Int128 { Int128(amplitude.rawValue) &* Int128(magnitude) }

    @inline(__always)
    func exceedsCurrent(_ amperePercent: Int128) -> Bool { amperePercent > currentLimit }

    /// Brings the area-dependent bounds up to date for a contact of `area`.
    @inline(__always)
    mutating func prepare(area: SquareMicrometers, limits: borrowing DeviceLimits) {
        guard area.rawValue != self.area else { return }
        self.area = area.rawValue
        areaSquareCentimetres = ContactLoad.squareCentimetres(area)
        // a·|p|·PW ≤ L·A·10⁶.
        let scale = ContactLoad.densityScale(area)
        densityWarn = saturatingProduct(Int128(limits.chargeDensity.warn.rawValue), scale)
        densityReject = limits.chargeDensity.reject.map { saturatingProduct(Int128($0.rawValue), scale) } ?? .max
    }

    /// The charge-density severity for the prepared area: nil, warning or error.
    @inline(__always)
    func densitySeverity(_ amperePercent: Int128) -> Severity? {
        let load = product(amperePercent, pulseWidth.rawValue)
        if load > densityReject { return .error }
        return load > densityWarn ? .warning : nil
    }

    /// `Q²/A` for the prepared area, by the one formula `ContactLoad.shannonProduct` uses.
    @inline(__always)
    func shannonProduct(_ amperePercent: Int128) -> Double {
        let charge = Double(converting: amperePercent) * chargeScale
        return charge * charge / areaSquareCentimetres
    }

    /// The compliance level of a contact whose `|p|·Z` is `shareTimesOhms`.
    @inline(__always)
    func complianceLevel(_ amperePercent: Int128, ohms: Milliohms) -> ComplianceLevel {
        let term = product(amperePercent, ohms.rawValue)
        if term > complianceOver { return .over }
        // term ≤ complianceOver < 2¹²⁰ here, so ten times it cannot overflow.
        return 10 &* term >= complianceNear ? .near : .clear
    }
}

/// `x × y` for `y` within `Int64`: a plain wrapping multiply when `x` also fits in `Int64` (the product
/// then fits in 126 bits), else the checked product saturated at the extremes.
@inline(__always)
func product(_ x: Int128, _ y: Int64) -> Int128 {
    if x == Int128(Int64(truncatingIfNeeded: x)) { return x &* Int128(y) }
    return saturatingProduct(x, Int128(y))
}

/// `x × y` exactly while it fits, else `Int128.max` or `Int128.min` by the product's sign.
@inline(__always)
func saturatingProduct(_ x: Int128, _ y: Int128) -> Int128 {
    let (result, overflow) = x.multipliedReportingOverflow(by: y)
    guard overflow else { return result }
    return (x < 0) != (y < 0) ? .min : .max
}

extension DeviceLimits {
    /// `max(I × Z) + headroom` in volts, from the largest `|p| × Z` of the active contacts; the one formula
    /// the rules and the safe envelope share.
    @inline(__always)
    func requiredVoltage(amplitude: Nanoamps, largestShareTimesOhms: Int64) -> Double {
        Self.requiredVoltage(
            amplitude: amplitude, largestShareTimesOhms: largestShareTimesOhms, headroomVolts: derived.headroomVolts)
    }

    /// The same for a headroom of `headroomVolts` (`headroom.doubleValue`), for callers that must not
    /// capture the limits.
    @inline(__always)
    static func requiredVoltage(amplitude: Nanoamps, largestShareTimesOhms: Int64, headroomVolts: Double) -> Double {
        Double(converting: Int128(amplitude.rawValue) &* Int128(largestShareTimesOhms)) * 1e-17 + headroomVolts
    }
}
