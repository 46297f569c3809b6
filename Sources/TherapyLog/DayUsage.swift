import RecordingFormat

/// Therapy delivered on one day (UTC or local).
public struct DayUsage: Hashable, Sendable {
    /// Days since 1970-01-01.
    public var dayNumber: Int64
    /// Hours of therapy within the day.
    public var therapyHours: Double

    /// The day as `YYYY-MM-DD`.
    public var date: String { CivilDate(dayNumber: dayNumber).isoDate }
}
