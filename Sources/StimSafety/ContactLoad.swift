/// The current one contact carries, as the exact product `amplitude × |percent|`, with the exact
/// comparisons the per-contact rules make against it.
///
/// Units: amplitude in nA times percent in thousandths, so 100 % of 1 nA is 100 000.
struct ContactLoad {
    /// `|percent|` of a whole, in the raw units of `Percent`.
    static let wholePercent = Int128(Percent.whole.rawValue)

    /// `amplitude (nA) × |percent| (m%)`.
    let amperePercent: Int128

    @inline(__always)
    init(amplitude: Nanoamps, percent: Percent) {
        amperePercent = Int128(amplitude.rawValue) &* Int128(Int64(clamping: percent.rawValue.magnitude))
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

    /// `I × Z + headroom` in volts.
    @inline(__always)
    func requiredVoltage(ohms: Milliohms, headroom: Millivolts) -> Double {
        Double(converting: amperePercent) * Double(ohms.rawValue) * 1e-17 + headroom.doubleValue
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

/// How a contact's required voltage compares with the compliance voltage.
enum ComplianceLevel {
    /// Below 90 % of the compliance voltage.
    case clear
    /// From 90 % up to and including 100 %: a warning.
    case near
    /// Above the compliance voltage: an error.
    case over
}
