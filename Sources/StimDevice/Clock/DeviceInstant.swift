/// An instant on a device clock: whole nanoseconds since 1970-01-01T00:00:00Z, in UTC.
///
/// The simulator stamps its event log with these and the wire's setClock carries them; the text form
/// is the RFC 3339 form of the recording format (`2026-01-05T08:00:00Z`, fractional seconds only when
/// needed).
public struct DeviceInstant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Nanoseconds since the Unix epoch; negative before it.
    public var nanosecondsSinceEpoch: Int64

    /// Nanoseconds in one second.
    public static let nanosecondsPerSecond: Int64 = 1_000_000_000
    /// Nanoseconds in one UTC day.
    public static let nanosecondsPerDay: Int64 = 86_400 * nanosecondsPerSecond

    /// The instants a setClock may set, 2000-01-01T00:00:00Z to 2200-01-01T00:00:00Z, both included:
    /// a clock outside them is garbage (a wrapped counter, a typing slip), and the device refuses it
    /// with `clockOutOfRange` (`docs/protocol.md`).
    public static let settableRange: ClosedRange<DeviceInstant> =
        DeviceInstant(year: 2000, month: 1, day: 1)...DeviceInstant(year: 2200, month: 1, day: 1)

    /// The instant `nanoseconds` after the epoch.
    public init(nanosecondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    /// Midnight UTC at the start of the given civil date.
    public init(year: Int64, month: Int64, day: Int64) {
        nanosecondsSinceEpoch = CivilDay.dayNumber(year: year, month: month, day: day) * Self.nanosecondsPerDay
    }

    /// The instant `duration` later (earlier when negative), saturating at the ends of the range.
    public func advanced(by duration: Duration) -> DeviceInstant {
        let (sum, overflow) = nanosecondsSinceEpoch.addingReportingOverflow(duration.nanoseconds)
        guard !overflow else { return DeviceInstant(nanosecondsSinceEpoch: duration < .zero ? .min : .max) }
        return DeviceInstant(nanosecondsSinceEpoch: sum)
    }

    /// The time from this instant to `later` (negative when `later` is earlier), exact over the whole
    /// range.
    public func duration(to later: DeviceInstant) -> Duration {
        .nanoseconds(Int128(later.nanosecondsSinceEpoch) - Int128(nanosecondsSinceEpoch))
    }

    /// The RFC 3339 text in UTC, with as many fractional digits as the instant needs.
    public var rfc3339: String {
        let (days, withinDay) = floorDivision(nanosecondsSinceEpoch, Self.nanosecondsPerDay)
        let (year, month, day) = CivilDay.civil(fromDayNumber: days)
        let seconds = withinDay / Self.nanosecondsPerSecond
        var fraction = withinDay % Self.nanosecondsPerSecond
        var text = padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2) + "T"
        text += padded(seconds / 3_600, 2) + ":" + padded(seconds / 60 % 60, 2) + ":" + padded(seconds % 60, 2)
        if fraction != 0 {
            var digits = 9
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            text += "." + padded(fraction, digits)
        }
        return text + "Z"
    }

    public var description: String { rfc3339 }

    public static func < (lhs: DeviceInstant, rhs: DeviceInstant) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }
}

extension Duration {
    /// The duration in whole nanoseconds (truncated toward zero), saturating at the `Int64` range.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: DeviceInstant.nanosecondsPerSecond)
        guard !overflow else { return seconds < 0 ? .min : .max }
        let (sum, overflowAdding) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        guard !overflowAdding else { return seconds < 0 ? .min : .max }
        return sum
    }
}

/// `value` in decimal with at least `width` digits (zero-padded); negative values keep their sign.
func padded(_ value: Int64, _ width: Int) -> String {
    let digits = String(value.magnitude)
    let sign = value < 0 ? "-" : ""
    return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// Division rounding toward negative infinity, with a non-negative remainder.
func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
    let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
    return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
}

/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), after Howard
/// Hinnant's `days_from_civil` and `civil_from_days`.
enum CivilDay {
    static func dayNumber(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivision(shiftedYear, 400).quotient
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDayNumber days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivision(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
