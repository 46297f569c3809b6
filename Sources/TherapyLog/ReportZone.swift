import Foundation
import RecordingFormat

/// The time zone a report's days and printed times are in (`scs analyze --tz`): UTC unless an IANA
/// zone is named. Instants stay UTC; only the days they are counted in and the text shown are local.
public struct ReportZone: Hashable, Sendable {
    /// `UTC`, or the zone's name as given.
    public let identifier: String
    /// Nil for UTC, whose offset is always zero: the default costs no look-up.
    private let zone: TimeZone?

    /// Coordinated Universal Time.
    public static let utc = ReportZone(identifier: "UTC", zone: nil)

    private init(identifier: String, zone: TimeZone?) {
        self.identifier = identifier
        self.zone = zone
    }

    /// The zone named `identifier` (an IANA name such as `Europe/Berlin`, or `UTC`); nil when unknown.
    public init?(identifier: String) {
        if identifier == Self.utc.identifier {
            self = .utc
            return
        }
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(identifier: identifier, zone: zone)
    }

    /// Whether this is UTC.
    public var isUTC: Bool { zone == nil }

    /// The zone's offset from UTC at `instant`, in seconds.
    public func offsetSeconds(at instant: Timestamp) -> Int {
        guard let zone else { return 0 }
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.nanosecondsSinceEpoch) / 1e9))
    }

    /// The instant whose UTC reading shows the local wall-clock time of `instant`: the axis the
    /// report's charts and day numbers use.
    public func wallClock(_ instant: Timestamp) -> Timestamp {
        instant.advanced(by: .seconds(offsetSeconds(at: instant)))
    }

    /// The local day of `instant`, in days since 1970-01-01.
    public func day(of instant: Timestamp) -> Int64 { wallClock(instant).dayNumber }

    /// The first instant of local day `day`. The offset at local midnight is taken from a first guess
    /// and checked once, which is exact unless a transition falls within hours of midnight.
    public func startOfDay(_ day: Int64) -> Timestamp {
        let midnight = Timestamp.startOfDay(day)
        guard zone != nil else { return midnight }
        let guess = midnight.advanced(by: .seconds(-offsetSeconds(at: midnight)))
        return midnight.advanced(by: .seconds(-offsetSeconds(at: guess)))
    }

    /// `instant` in RFC 3339 with the zone's offset (`2026-03-29T03:00:00+02:00`); UTC as `…Z`.
    public func rfc3339(_ instant: Timestamp) -> String {
        guard zone != nil else { return instant.rfc3339 }
        let offset = offsetSeconds(at: instant)
        var text = wallClock(instant).rfc3339
        text.removeLast()
        let minutes = Int64(abs(offset) / 60)
        return text + (offset < 0 ? "-" : "+") + Timestamp.twoDigits(minutes / 60) + ":"
            + Timestamp.twoDigits(minutes % 60)
    }
}
