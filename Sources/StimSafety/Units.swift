/// A current: the program amplitude or one contact's share, counted in nanoamps, shown in mA.
public struct Nanoamps: FixedPoint {
    public static let fractionDigits = 6
    public static let unitSymbol = "mA"
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

/// A time within a pulse (width, gap, recovery, period), counted in nanoseconds, shown in µs.
public struct Nanoseconds: FixedPoint {
    public static let fractionDigits = 3
    public static let unitSymbol = "µs"
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

/// A pulse, burst or intra-burst rate, counted in millihertz, shown in Hz.
public struct Millihertz: FixedPoint {
    public static let fractionDigits = 3
    public static let unitSymbol = "Hz"
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

/// An electrode impedance, counted in milliohms, shown in Ω.
public struct Milliohms: FixedPoint {
    public static let fractionDigits = 3
    public static let unitSymbol = "Ω"
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

/// A voltage (compliance, headroom), counted in millivolts, shown in V.
public struct Millivolts: FixedPoint {
    public static let fractionDigits = 3
    public static let unitSymbol = "V"
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

/// A contact's surface area, counted in µm², shown in mm².
public struct SquareMicrometers: FixedPoint {
    public static let fractionDigits = 6
    public static let unitSymbol = "mm²"
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

/// A charge density per phase, counted in nC/cm², shown in µC/cm².
public struct ChargeDensity: FixedPoint {
    public static let fractionDigits = 3
    public static let unitSymbol = "µC/cm²"
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

/// A contact's signed share of the program current, counted in thousandths of a percent, shown in %.
///
/// Negative is a cathode, positive an anode.
public struct Percent: FixedPoint {
    public static let fractionDigits = 3
    public static let unitSymbol = "%"
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }

    /// One hundred percent.
    public static let whole = Percent(units: 100)
}

/// A cycling on or off time, counted in milliseconds, shown in s.
public struct Milliseconds: FixedPoint {
    public static let fractionDigits = 3
    public static let unitSymbol = "s"
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}
