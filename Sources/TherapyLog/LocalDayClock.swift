import RecordingFormat

/// The local days of a ``ReportZone`` on the analyzer's hot path: the bounds of the day asked last
/// are kept, so that the zone is consulted once per day, never per event.
struct LocalDayClock: Sendable {
    let zone: ReportZone
    private var day: Int64 = 0
    /// The day's first instant, in nanoseconds since the epoch (none yet: an empty range).
    private var dayStart = Int64.max
    /// The next day's first instant.
    private var dayEnd = Int64.min

    init(_ zone: ReportZone) {
        self.zone = zone
    }

    /// The local day of `instant`, in days since 1970-01-01.
    @inline(__always)
    mutating func day(of instant: Timestamp) -> Int64 {
        let time = instant.nanosecondsSinceEpoch
        if time < dayStart || time >= dayEnd { move(to: time) }
        return day
    }

    /// Calls `body` with each local day `[from, to)` touches, in order, and the nanoseconds of it there.
    @inline(__always)
    mutating func forEachDay(from: Timestamp, to: Timestamp, _ body: (_ day: Int64, _ nanoseconds: Int64) -> Void) {
        var cursor = from.nanosecondsSinceEpoch
        while cursor < to.nanosecondsSinceEpoch {
            let current = day(of: Timestamp(nanosecondsSinceEpoch: cursor))
            let pieceEnd = min(to.nanosecondsSinceEpoch, dayEnd)
            body(current, pieceEnd - cursor)
            cursor = pieceEnd
        }
    }

    private mutating func move(to time: Int64) {
        day = zone.day(of: Timestamp(nanosecondsSinceEpoch: time))
        // Held around `time` whatever the zone's rules or the range's ends give, so that a walk
        // through the days always moves on.
        dayStart = min(zone.startOfDay(day).nanosecondsSinceEpoch, time)
        dayEnd = max(zone.startOfDay(day + 1).nanosecondsSinceEpoch, time == .max ? time : time + 1)
    }
}
