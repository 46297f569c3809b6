/// The current one contact carries, as the exact product `amplitude × |percent|`, with the exact
/// comparisons the per-contact rules make against it.
///
/// Units: amplitude in nA times percent in thousandths, so 100 % of 1 nA is 100 000.
struct ContactLoad {
    /// `|percent|` of a whole, in the raw units of `Percent`.
    static let wholePercent = Int128(Percent.whole.rawValue)

    /// `I × Z` in mV is `a·|p|·Z / 10¹⁴`.
    static let voltageScale: Int128 = powerOfTen(14)

    /// `amplitude (nA) × |percent| (m%)`.
    let amperePercent: Int128

    @inline(__always)
    init(amplitude: Nanoamps, percent: Percent) {
        self.init(amplitude: amplitude, magnitude: Int64(clamping: percent.rawValue.magnitude))
    }

    /// The load of a share of magnitude `magnitude` (`|percent|`, raw).
    @inline(__always)
    init(amplitude: Nanoamps, magnitude: Int64) {
        amperePercent = Int128(amplitude.rawValue) &* Int128(magnitude)
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

    /// Charge per phase in µC.
    @inline(__always)
    func charge(pulseWidth: Nanoseconds) -> Double {
        Double(converting: amperePercent) * Self.chargeScale(pulseWidth)
    }

    /// Charge density per phase in µC/cm².
    @inline(__always)
    func density(pulseWidth: Nanoseconds, area: SquareMicrometers) -> Double {
        charge(pulseWidth: pulseWidth) / Self.squareCentimetres(area)
    }

    /// `Q² / A` in µC²/cm², the quantity Shannon's `10^k` bounds; the one formula every Shannon
    /// comparison uses, so the validator and the safe envelope agree to the last bit.
    @inline(__always)
    func shannonProduct(pulseWidth: Nanoseconds, area: SquareMicrometers) -> Double {
        let charge = charge(pulseWidth: pulseWidth)
        return charge * charge / Self.squareCentimetres(area)
    }
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
    // One 64 × 64 → 128-bit multiplication.
    if x == Int128(narrow) { return Int128(narrow) &* Int128(y) }
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
