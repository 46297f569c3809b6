/// A quantity held as a whole number of sub-units, so that grid and limit checks are exact.
///
/// Each unit type counts in a sub-unit a thousand times (or more) finer than the device grids it is
/// checked against (nanoamps for a µA grid, nanoseconds for a µs grid, millihertz for a Hz grid). An
/// input such as 4.5004 mA is therefore held exactly and fails the grid check instead of being
/// rounded onto the grid first.
public protocol FixedPoint: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible
where RawValue == Int64 {
    /// How many decimal digits of the display unit one sub-unit resolves (3 for milli, 6 for micro).
    static var fractionDigits: Int { get }
    /// The display unit's symbol, as printed after a value ("mA", "µs", "Hz").
    static var unitSymbol: String { get }
    /// Creates a value from a count of sub-units.
    init(rawValue: Int64)
}

extension FixedPoint {
    /// Sub-units per display unit.
    public static var subunitsPerUnit: Int64 { powerOfTen(fractionDigits) }

    /// Zero in this unit.
    public static var zero: Self { Self(rawValue: 0) }

    /// The value in display units, for physics and printing (never for grid or limit checks).
    public var doubleValue: Double { Double(rawValue) / Double(Self.subunitsPerUnit) }

    /// Creates a value from a whole number of display units.
    public init(units: Int64) { self.init(rawValue: units * Self.subunitsPerUnit) }

    /// Parses a decimal number written in display units ("4.5", "-100", "1e-3") exactly.
    ///
    /// Fails when the text is not a number, has more decimal places than the sub-unit resolves, or
    /// does not fit.
    public init(parsing text: some StringProtocol) throws(DecimalParseError) {
        let decimal = try ExactDecimal(parsing: text)
        guard let raw = decimal.scaled(byPowerOfTen: Self.fractionDigits) else {
            throw decimal.isTooPrecise(forDigits: Self.fractionDigits)
                ? .tooPrecise(String(text), maximumDecimals: Self.fractionDigits)
                : .outOfRange(String(text))
        }
        self.init(rawValue: raw)
    }

    /// Converts a binary floating-point value through its shortest decimal form, the digits a person
    /// or a JSON writer wrote, so that 4.5 stays 4.5 and 4.5004 stays off a 0.1 grid.
    public init(exactly value: Double) throws(DecimalParseError) {
        guard value.isFinite else { throw .notANumber(String(describing: value)) }
        try self.init(parsing: String(describing: value))
    }

    /// The exact decimal form in display units, without trailing zeros ("4.5", "300", "0.025").
    public var decimalText: String { formatDecimal(rawValue, fractionDigits: Self.fractionDigits) }

    /// The exact decimal form followed by the unit ("4.5 mA").
    public var description: String { decimalText + " " + Self.unitSymbol }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public static func + (lhs: Self, rhs: Self) -> Self { Self(rawValue: lhs.rawValue + rhs.rawValue) }
    public static func - (lhs: Self, rhs: Self) -> Self { Self(rawValue: lhs.rawValue - rhs.rawValue) }
}

/// `10^exponent` as an integer: the one way the rules write an integer power of ten (a `Double` one is a
/// literal such as `1e-17`).
@inline(__always)
func powerOfTen<Integer: FixedWidthInteger>(_ exponent: Int) -> Integer {
    var result: Integer = 1
    for _ in 0..<exponent { result *= 10 }
    return result
}

func formatDecimal(_ raw: Int64, fractionDigits: Int) -> String {
    let scale: Int64 = powerOfTen(fractionDigits)
    let magnitude = raw.magnitude
    let whole = magnitude / UInt64(scale)
    var fraction = magnitude % UInt64(scale)
    var text = (raw < 0 ? "-" : "") + String(whole)
    guard fraction != 0 else { return text }
    var digits = fractionDigits
    while fraction % 10 == 0 {
        fraction /= 10
        digits -= 1
    }
    let fractionText = String(fraction)
    text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    return text
}
