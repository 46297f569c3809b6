/// The load one contact carries at a pulse width: the exact product `amplitude × |percent|`, the exact
/// `amplitude × |percent| × pulse width` that `chargeDensity` bounds, and the charge per phase, with the
/// comparisons the per-contact rules make against them.
///
/// Units: amplitude in nA times percent in thousandths, so 100 % of 1 nA is 100 000.
struct ContactLoad {
    /// `|percent|` of a whole, in the raw units of `Percent`.
    static let wholePercent = Int128(Percent.whole.rawValue)

    /// `I × Z` in mV is `a·|p|·Z / 10¹⁴`.
    static let voltageScale: Int128 = powerOfTen(14)

    /// `amplitude (nA) × |percent| (m%)`.
    let amperePercent: Int128
    /// `a·|p|·PW` (PW in ns), saturated at the extremes.
    let pulseLoad: Int128
    /// Charge per phase in µC.
    let charge: Double

    @inline(__always)
    init(amplitude: Nanoamps, percent: Percent, pulseWidth: Nanoseconds) {
        self.init(
            amplitude: amplitude, magnitude: Int64(clamping: percent.rawValue.magnitude), pulseWidth: pulseWidth)
    }

    /// The load of a share of magnitude `magnitude` (`|percent|`, raw): in 64-bit arithmetic while both
    /// products fit, as they do for every real device, else in 128 bits.
    @inline(__always)
    init(amplitude: Nanoamps, magnitude: Int64, pulseWidth: Nanoseconds) {
        let (narrow, overflow) = amplitude.rawValue.multipliedReportingOverflow(by: magnitude)
        if !overflow {
            let (narrowLoad, loadOverflow) = narrow.multipliedReportingOverflow(by: pulseWidth.rawValue)
            if !loadOverflow {
                // `Double(converting:)` of a value within `Int64`, without its range check.
                self = Self(
                    amperePercent: Int128(narrow), pulseLoad: Int128(narrowLoad),
                    charge: Double(narrow) * Self.chargeScale(pulseWidth))
                return
            }
        }
        self = Self(wide: exactProduct(amplitude.rawValue, magnitude), pulseWidth: pulseWidth)
    }

    @inline(__always)
    private init(amperePercent: Int128, pulseLoad: Int128, charge: Double) {
        self.amperePercent = amperePercent
        self.pulseLoad = pulseLoad
        self.charge = charge
    }

    /// The load for an `a·|p|` of `amperePercent`, in 128-bit arithmetic; out of line, as no real device
    /// needs it.
    @inline(never)
    private init(wide amperePercent: Int128, pulseWidth: Nanoseconds) {
        self.init(
            amperePercent: amperePercent, pulseLoad: product(amperePercent, pulseWidth.rawValue),
            charge: Double(converting: amperePercent) * Self.chargeScale(pulseWidth))
    }

    /// The contact's current in mA.
    var milliamps: Double { Double(converting: amperePercent) / 1e11 }

    /// µC per unit of `a·|p|` at `pulseWidth`.
    @inline(__always)
    static func chargeScale(_ pulseWidth: Nanoseconds) -> Double { Double(pulseWidth.rawValue) * 1e-17 }

    /// `A · 10⁶` for a contact of `area`: `chargeDensity` holds at limit `L` exactly when `a·|p|·PW ≤ L·A·10⁶`.
    @inline(__always)
    static func densityScale(_ area: SquareMicrometers) -> Int128 { Int128(area.rawValue) * powerOfTen(6) }

    /// A contact area in cm².
    @inline(__always)
    static func squareCentimetres(_ area: SquareMicrometers) -> Double { Double(area.rawValue) * 1e-8 }

    /// Charge density per phase in µC/cm².
    @inline(__always)
    func density(area: SquareMicrometers) -> Double { charge / Self.squareCentimetres(area) }

    /// `Q² / A` in µC²/cm², the quantity Shannon's `10^k` bounds; the one formula every Shannon
    /// comparison uses, so the validator and the safe envelope agree to the last bit.
    @inline(__always)
    func shannonProduct(area: SquareMicrometers) -> Double { charge * charge / Self.squareCentimetres(area) }
}

/// Shannon's bound with a relative tolerance of 10⁻¹², so that a value landing on `10^k` up to binary
/// rounding passes, as a value exactly on a bound must. `10^k` is irrational for fractional k, so no
/// exact input sits within that tolerance of it except by rounding.
@inline(__always)
func exceedsShannon(_ product: Double, bound: Double) -> Bool { product > shannonThreshold(bound) }

/// The value a Shannon product must exceed to break `bound`: `bound` widened by the tolerance above.
/// `exceedsShannon` compares against exactly this, so a caller may compute it once and compare many times.
@inline(__always)
func shannonThreshold(_ bound: Double) -> Double { bound * (1 + 1e-12) }

/// `x × y` for `y` within `Int64`: a plain wrapping multiply when `x` also fits in `Int64` (the product
/// then fits in 126 bits), else the checked product saturated at the extremes.
@inline(__always)
func product(_ x: Int128, _ y: Int64) -> Int128 {
    let narrow = Int64(truncatingIfNeeded: x)
    if x == Int128(narrow) { return exactProduct(narrow, y) }
    return saturatingProduct(x, Int128(y))
}

/// `x × y` exactly, by one 64 × 64 → 128-bit multiplication (the compiler does not narrow
/// `Int128(x) &* Int128(y)` to it).
@inline(__always)
func exactProduct(_ x: Int64, _ y: Int64) -> Int128 {
    let (high, low) = x.multipliedFullWidth(by: y)
    return Int128(high) << 64 | Int128(low)
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
        Double(converting: exactProduct(amplitude.rawValue, largestShareTimesOhms)) * 1e-17 + headroomVolts
    }
}
