extension Timestamp {
    /// Midnight UTC at the start of the given civil date.
    public init(year: Int64, month: Int64, day: Int64) {
        self = Self.startOfDay(CivilDate(year: year, month: month, day: day).dayNumber)
    }

    /// The instant `duration` later (earlier when negative), saturating at the ends of the range.
    public func advanced(by duration: Duration) -> Timestamp {
        let (sum, overflow) = nanosecondsSinceEpoch.addingReportingOverflow(duration.nanoseconds)
        guard !overflow else { return Timestamp(nanosecondsSinceEpoch: duration < .zero ? .min : .max) }
        return Timestamp(nanosecondsSinceEpoch: sum)
    }

    /// The time from this instant to `later` (negative when `later` is earlier), exact over the whole
    /// range.
    public func duration(to later: Timestamp) -> Duration {
        .nanoseconds(Int128(later.nanosecondsSinceEpoch) - Int128(nanosecondsSinceEpoch))
    }
}
