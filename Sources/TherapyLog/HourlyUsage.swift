import RecordingFormat

/// Therapy per local hour over a recording's first ``UsageTimeline/hourlySpanHours`` hours: the
/// timeline of a short recording. Fixed in size, and skipped in one comparison once delivery is past it.
struct HourlyUsage: Sendable {
    /// The first instant of the local hour the recording starts in.
    let origin: Timestamp
    /// Where the counted hours end.
    let end: Int64
    /// Nanoseconds of therapy per hour from ``origin``.
    private(set) var nanoseconds: [Int64]

    init(start: Timestamp, zone: ReportZone) {
        let wall = zone.wallClock(start).nanosecondsSinceEpoch
        let intoHour = wall - wall.floorDiv(Timestamp.nanosecondsPerHour) * Timestamp.nanosecondsPerHour
        origin = Timestamp(nanosecondsSinceEpoch: start.nanosecondsSinceEpoch - intoHour)
        // One more hour than the span, for a start within an hour.
        let hours = Int(UsageTimeline.hourlySpanHours) + 1
        nanoseconds = Array(repeating: 0, count: hours)
        let (last, overflow) = origin.nanosecondsSinceEpoch.addingReportingOverflow(
            Int64(hours) * Timestamp.nanosecondsPerHour)
        end = overflow ? .max : last
    }

    /// Adds the therapy delivered over `[from, to)` to the hours it falls in.
    @inline(__always)
    mutating func add(from: Timestamp, to: Timestamp) {
        guard from.nanosecondsSinceEpoch < end else { return }
        // Taken out while the hours are walked, so that counting changes no part of the walker.
        var counts = nanoseconds
        nanoseconds = []
        forEachHour(from: from, to: to) { hour, therapy in counts[hour] += therapy }
        nanoseconds = counts
    }

    /// The hour of ``origin``'s hours that `time` falls in; nil past them.
    @inline(__always)
    func hour(of time: Timestamp) -> Int? {
        let time = time.nanosecondsSinceEpoch
        guard time < end, time >= origin.nanosecondsSinceEpoch else { return nil }
        return Int((time - origin.nanosecondsSinceEpoch) / Timestamp.nanosecondsPerHour)
    }

    /// Calls `body` with each of the counted hours `[from, to)` touches and the nanoseconds of it there.
    @inline(__always)
    func forEachHour(from: Timestamp, to: Timestamp, _ body: (_ hour: Int, _ nanoseconds: Int64) -> Void) {
        guard from.nanosecondsSinceEpoch < end else { return }
        var cursor = max(from.nanosecondsSinceEpoch, origin.nanosecondsSinceEpoch)
        let stop = min(to.nanosecondsSinceEpoch, end)
        while cursor < stop {
            let hour = (cursor - origin.nanosecondsSinceEpoch) / Timestamp.nanosecondsPerHour
            // The last hours may end past the range's last instant.
            let (next, overflow) = origin.nanosecondsSinceEpoch.addingReportingOverflow(
                (hour + 1) * Timestamp.nanosecondsPerHour)
            let hourEnd = overflow ? stop : min(stop, next)
            body(Int(hour), hourEnd - cursor)
            cursor = hourEnd
        }
    }
}

extension Int64 {
    /// The quotient rounded towards negative infinity.
    func floorDiv(_ divisor: Int64) -> Int64 {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? quotient - 1 : quotient
    }
}
