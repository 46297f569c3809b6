import RecordingFormat

/// Therapy time per day (UTC or local), from the first day of the span: the only state of the analysis that
/// grows, by one counter per day.
struct DailyUsage: Sendable {
    /// The day number of the span's first day.
    let firstDay: Int64
    /// Nanoseconds of therapy per day, from `firstDay`; days after the last entry have none.
    private(set) var nanoseconds: [Int64] = []

    init(firstDay: Int64) {
        self.firstDay = firstDay
    }

    /// Adds `therapy` nanoseconds to day `day` (a day number, not before `firstDay`).
    @inline(__always)
    mutating func add(_ therapy: Int64, onDay day: Int64) {
        let index = Int(day - firstDay)
        if index >= nanoseconds.count {
            nanoseconds.append(contentsOf: repeatElement(0, count: index + 1 - nanoseconds.count))
        }
        nanoseconds[index] += therapy
    }

    /// Every day of `zone` the span `[start, end)` intersects, with its therapy hours.
    func days(start: Timestamp, end: Timestamp, in zone: ReportZone) -> [DayUsage] {
        guard start < end else { return [] }
        let lastDay = zone.day(of: Timestamp(nanosecondsSinceEpoch: end.nanosecondsSinceEpoch - 1))
        return (zone.day(of: start)...lastDay).map { day in
            let index = Int(day - firstDay)
            let therapy = index < nanoseconds.count ? nanoseconds[index] : 0
            return DayUsage(dayNumber: day, therapyHours: Hours.from(nanoseconds: therapy))
        }
    }
}

/// Conversions to the hours the report uses.
enum Hours {
    static func from(nanoseconds: Int64) -> Double {
        Double(nanoseconds) / Double(Timestamp.nanosecondsPerHour)
    }
}
