/// A pulse rate, given either as a frequency or as a period (a research INS quantises rates as periods
/// in 10 µs units, so 7 Hz is really a 142.88 ms period).
public enum Rate: Hashable, Sendable, CustomStringConvertible {
    /// A rate given as a frequency.
    case frequency(Millihertz)
    /// A rate given as the time from one pulse (or burst) to the next.
    case period(Nanoseconds)

    /// Picoseconds per second over millihertz per hertz: `period in ns = periodScale / frequency in mHz`.
    static let periodScale: Int128 = powerOfTen(12)

    /// The period in nanoseconds as an exact fraction `numerator / denominator`.
    @inline(__always)
    var periodFraction: (numerator: Int128, denominator: Int128) {
        switch self {
        case .frequency(let rate): (Rate.periodScale, Int128(rate.rawValue))
        case .period(let period): (Int128(period.rawValue), 1)
        }
    }

    /// The rate in hertz, for physics and display.
    public var hertz: Double {
        switch self {
        case .frequency(let rate): rate.doubleValue
        case .period(let period): period.rawValue > 0 ? 1e9 / Double(period.rawValue) : 0
        }
    }

    /// Whether the rate is positive, the only rates a pulse train can have.
    public var isPositive: Bool {
        switch self {
        case .frequency(let rate): rate.rawValue > 0
        case .period(let period): period.rawValue > 0
        }
    }

    /// Whether a stretch of `duration` fits within one period (equal fits); the rate must be positive.
    @inline(__always)
    func fits(_ duration: Int128) -> Bool {
        // The usual case, a frequency and a duration within 64 bits, without a 128-bit multiplication.
        if case .frequency(let rate) = self, let duration = Int64(exactly: duration) {
            let (product, overflow) = duration.multipliedReportingOverflow(by: rate.rawValue)
            if !overflow { return Int128(product) <= Rate.periodScale }
        }
        let (numerator, denominator) = periodFraction
        let (product, overflow) = duration.multipliedReportingOverflow(by: denominator)
        // Beyond 128 bits the product has the duration's sign, and lies beyond any period.
        return overflow ? duration < 0 : product <= numerator
    }

    public var description: String {
        switch self {
        case .frequency(let rate): rate.description
        case .period(let period): "\(period) period"
        }
    }
}
