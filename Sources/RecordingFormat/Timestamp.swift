/// An instant in UTC, counted in whole nanoseconds since 1970-01-01T00:00:00Z.
///
/// Recordings write instants as RFC 3339 text in UTC (`2026-01-05T08:00:00Z`, optionally with up to
/// nine fractional digits). They are parsed here digit by digit, without a date formatter, so that
/// reading is exact and fast; the representable range is that of `Int64` nanoseconds (the years
/// 1678 to 2261).
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Nanoseconds since the Unix epoch; negative before it.
    public var nanosecondsSinceEpoch: Int64

    /// Nanoseconds in one second.
    public static let nanosecondsPerSecond: Int64 = 1_000_000_000
    /// Nanoseconds in one hour.
    public static let nanosecondsPerHour: Int64 = 3_600 * nanosecondsPerSecond
    /// Nanoseconds in one UTC calendar day (UTC days have no leap seconds here).
    public static let nanosecondsPerDay: Int64 = 86_400 * nanosecondsPerSecond

    /// Creates an instant from nanoseconds since the epoch.
    @inlinable
    public init(nanosecondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    /// The UTC calendar day this instant falls on, counted in days since 1970-01-01.
    @inlinable
    public var dayNumber: Int64 {
        let (quotient, remainder) = nanosecondsSinceEpoch.quotientAndRemainder(dividingBy: Self.nanosecondsPerDay)
        return remainder < 0 ? quotient - 1 : quotient
    }

    /// The first instant of the UTC day numbered `dayNumber` (days since 1970-01-01), held at the ends
    /// of the representable range: the day after 2262-04-11 starts at its last instant.
    @inlinable
    public static func startOfDay(_ dayNumber: Int64) -> Timestamp {
        let (start, overflow) = dayNumber.multipliedReportingOverflow(by: nanosecondsPerDay)
        return Timestamp(nanosecondsSinceEpoch: overflow ? (dayNumber < 0 ? .min : .max) : start)
    }

    /// Calls `body` with each UTC day the half-open interval `[from, to)` touches, in order, and the
    /// nanoseconds of the interval in it.
    @inlinable @inline(__always)
    public static func forEachDay(from: Timestamp, to: Timestamp, _ body: (_ day: Int64, _ nanoseconds: Int64) -> Void)
    {
        guard from < to else { return }
        var day = from.dayNumber
        var cursor = from
        while cursor < to {
            let pieceEnd = min(to, startOfDay(day + 1))
            body(day, pieceEnd.nanoseconds(since: cursor))
            cursor = pieceEnd
            day += 1
        }
    }

    /// The time from `earlier` to this instant, in nanoseconds.
    @inlinable
    public func nanoseconds(since earlier: Timestamp) -> Int64 {
        nanosecondsSinceEpoch - earlier.nanosecondsSinceEpoch
    }

    /// The instant as RFC 3339 text in UTC, with as many fractional digits as it needs (none for a
    /// whole second): `2026-01-05T08:00:00Z`, `2026-01-05T08:00:00.25Z`.
    public var description: String { rfc3339 }

    @inlinable
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }
}
