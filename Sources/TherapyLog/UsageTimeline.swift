import RecordingFormat

/// Therapy over the recording at the granularity its length calls for (`cli.md` §3, times in
/// `analyze`): hours for a recording shorter than two days, then days, weeks, months and years, so
/// that the timeline stays short whatever the span. Periods are local to the report's zone.
public struct UsageTimeline: Hashable, Sendable {
    /// The length of one period.
    public enum Granularity: String, Sendable, CaseIterable {
        case hour, day, week, month, year
    }

    /// One period of the timeline.
    public struct Period: Hashable, Sendable {
        /// The period's first local hour (`2026-01-05T08:00:00+01:00`) or first local day (`2026-01-05`;
        /// a week starts on Monday, a month on its first, a year on 1 January).
        public var start: String
        /// Where the period starts and ends on the local wall clock (``RecordingReport/wallStart``'s axis),
        /// clipped to the recorded days.
        public var wallSpan: Range<Timestamp>
        /// Recorded local days in the period; 0 at hour level.
        public var days: Int
        /// Hours of therapy in the period.
        public var therapyHours: Double

        /// The share of the period with therapy, 0 to 1: of its hour, or of its recorded days' 24 hours.
        public var share: Double { therapyHours / (days == 0 ? 1 : 24 * Double(days)) }
    }

    /// Recordings shorter than this many hours get an hourly timeline.
    public static let hourlySpanHours: Int64 = 48
    /// The most local days shown one by one (about three months); longer spans go by week.
    public static let dailyDays = 92
    /// The most days shown by week (two years); longer spans go by month.
    public static let weeklyDays = 730
    /// The most days shown by month (ten years); longer spans go by year.
    public static let monthlyDays = 3_650

    public var granularity: Granularity
    public var periods: [Period]

    public init(granularity: Granularity, periods: [Period]) {
        self.granularity = granularity
        self.periods = periods
    }

    /// The granularity for a recording of `recordedHours` over `days` local days.
    public static func granularity(recordedHours: Double, days: Int) -> Granularity {
        if recordedHours < Double(hourlySpanHours) { return .hour }
        if days <= dailyDays { return .day }
        if days <= weeklyDays { return .week }
        return days <= monthlyDays ? .month : .year
    }

    /// The timeline of a recording over `[start, end)` with `localDays` in `zone`, and its first
    /// hours in `hourly`.
    init(start: Timestamp, end: Timestamp, localDays: [DayUsage], hourly: HourlyUsage, zone: ReportZone) {
        let recorded = Hours.from(nanoseconds: end.nanoseconds(since: start))
        granularity = Self.granularity(recordedHours: recorded, days: localDays.count)
        guard granularity != .hour else {
            let hours =
                (end.nanoseconds(since: hourly.origin) + Timestamp.nanosecondsPerHour - 1)
                / Timestamp.nanosecondsPerHour
            periods = hourly.nanoseconds.prefix(Int(max(hours, 0))).enumerated().map { index, therapy in
                let first = hourly.origin.advanced(by: .nanoseconds(Int64(index) * Timestamp.nanosecondsPerHour))
                let wall = zone.wallClock(first)
                return Period(
                    start: zone.rfc3339(first), wallSpan: wall..<wall.advanced(by: .seconds(3_600)), days: 0,
                    therapyHours: Hours.from(nanoseconds: therapy))
            }
            return
        }
        var periods: [Period] = []
        // The last period's first day: a day joins it when its period starts there too, so that a date
        // is written once per period, not compared as text once per day.
        var lastStart: Int64?
        for day in localDays {
            let key = Self.periodStart(of: day.dayNumber, granularity)
            let wallEnd = Timestamp.startOfDay(day.dayNumber + 1)
            if let last = periods.last, lastStart == key {
                periods[periods.count - 1].days += 1
                periods[periods.count - 1].therapyHours += day.therapyHours
                periods[periods.count - 1].wallSpan = last.wallSpan.lowerBound..<wallEnd
            } else {
                lastStart = key
                periods.append(
                    Period(
                        start: CivilDate(dayNumber: key).isoDate,
                        wallSpan: Timestamp.startOfDay(day.dayNumber)..<wallEnd, days: 1, therapyHours: day.therapyHours
                    ))
            }
        }
        self.periods = periods
    }

    /// The first day of the period holding local day `day`.
    private static func periodStart(of day: Int64, _ granularity: Granularity) -> Int64 {
        switch granularity {
        case .hour, .day: return day
        // 1970-01-01 was a Thursday: Monday is three days before.
        case .week: return day - (day + 3 - (day + 3).floorDiv(7) * 7)
        case .month:
            let date = CivilDate(dayNumber: day)
            return CivilDate(year: date.year, month: date.month, day: 1).dayNumber
        case .year: return CivilDate(year: CivilDate(dayNumber: day).year, month: 1, day: 1).dayNumber
        }
    }
}
