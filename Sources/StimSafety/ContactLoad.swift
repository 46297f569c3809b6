/// The current one contact carries, as the exact product `amplitude × |percent|`, with the exact
/// comparisons the per-contact rules make against it.
///
/// Units: amplitude in nA times percent in thousandths, so 100 % of 1 nA is 100 000.
struct ContactLoad {
    /// `|percent|` of a whole, in the raw units of `Percent`.
    static let wholePercent: Int128 = 100_000

    /// `amplitude (nA) × |percent| (m%)`.
    let amperePercent: Int128

    @inline(__always)
    init(amplitude: Nanoamps, percent: Percent) {
        amperePercent = Int128(amplitude.rawValue) * Int128(percent.rawValue.magnitude)
    }

    /// The contact's current in mA.
    var milliamps: Double { Double(converting: amperePercent) / 1e11 }

    /// `I_i > max`.
    @inline(__always)
    func exceeds(currentMax: Nanoamps) -> Bool {
        amperePercent > Int128(currentMax.rawValue) * Self.wholePercent
    }

    /// Charge per phase in µC.
    @inline(__always)
    func charge(pulseWidth: Nanoseconds) -> Double {
        Double(converting: amperePercent) * Double(pulseWidth.rawValue) * 1e-17
    }

    /// `D_i > limit`, exactly: `a·|p|·PW > L·A·10⁶` in the integer units of each type.
    @inline(__always)
    func density(pulseWidth: Nanoseconds, area: SquareMicrometers, exceeds limit: ChargeDensity) -> Bool {
        amperePercent * Int128(pulseWidth.rawValue) > Int128(limit.rawValue) * Int128(area.rawValue) * 1_000_000
    }

    /// Charge density per phase in µC/cm².
    @inline(__always)
    func density(pulseWidth: Nanoseconds, area: SquareMicrometers) -> Double {
        charge(pulseWidth: pulseWidth) / (Double(area.rawValue) * 1e-8)
    }

    /// `Q² / A` in µC²/cm², the quantity Shannon's `10^k` bounds.
    @inline(__always)
    func shannonProduct(pulseWidth: Nanoseconds, area: SquareMicrometers) -> Double {
        let charge = charge(pulseWidth: pulseWidth)
        return charge * charge / (Double(area.rawValue) * 1e-8)
    }

    /// `I × Z` scaled to millivolts × 10¹⁴, to compare with limits in the same scale.
    @inline(__always)
    func voltageTerm(ohms: Milliohms) -> Int128 { amperePercent * Int128(ohms.rawValue) }

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
func exceedsShannon(_ product: Double, bound: Double) -> Bool { product > bound * (1 + 1e-12) }

/// How a contact's required voltage compares with the compliance voltage.
enum ComplianceLevel {
    /// Below 90 % of the compliance voltage.
    case clear
    /// From 90 % up to and including 100 %: a warning.
    case near
    /// Above the compliance voltage: an error.
    case over

    /// Classifies `I × Z + headroom` against `compliance`, exactly.
    @inline(__always)
    init(voltageTerm: Int128, headroom: Millivolts, compliance: Millivolts) {
        let scale: Int128 = 100_000_000_000_000
        let required = voltageTerm + Int128(headroom.rawValue) * scale
        let limit = Int128(compliance.rawValue) * scale
        if required > limit {
            self = .over
        } else if 10 * required >= 9 * limit {
            self = .near
        } else {
            self = .clear
        }
    }
}
