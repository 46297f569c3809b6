import RecordingFormat

/// The keys `analyze --json` adds for times (`recording-format.md` §3): the zone, its days, the usage
/// timeline and the battery projection, beside the UTC instants and days the contract keeps.
extension RecordingReport {
    private enum TimeKeys: String, CodingKey {
        case timeZone, localDays, usage, batteryProjection, assumedProfileValues, assumedFigures
    }
    private enum DayKeys: String, CodingKey { case date, therapyHours }
    private enum UsageKeys: String, CodingKey { case granularity, periods }
    private enum PeriodKeys: String, CodingKey { case start, days, therapyHours }

    /// Writes the time keys into the report's object.
    func encodeTimes(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TimeKeys.self)
        try container.encode(timeZone.identifier, forKey: .timeZone)
        var dayList = container.nestedUnkeyedContainer(forKey: .localDays)
        for day in localDays {
            var entry = dayList.nestedContainer(keyedBy: DayKeys.self)
            try entry.encode(day.date, forKey: .date)
            try entry.encode(Figure(day.therapyHours), forKey: .therapyHours)
        }
        var usageEntry = container.nestedContainer(keyedBy: UsageKeys.self, forKey: .usage)
        try usageEntry.encode(usage.granularity.rawValue, forKey: .granularity)
        var periodList = usageEntry.nestedUnkeyedContainer(forKey: .periods)
        for period in usage.periods {
            var entry = periodList.nestedContainer(keyedBy: PeriodKeys.self)
            try entry.encode(period.start, forKey: .start)
            try entry.encode(usage.granularity == .hour ? nil : period.days, forKey: .days)
            try entry.encode(Figure(period.therapyHours), forKey: .therapyHours)
        }
        try container.encode(batteryProjection, forKey: .batteryProjection)
        try container.encode(assumedProfileValues, forKey: .assumedProfileValues)
        try container.encode(assumedFigures, forKey: .assumedFigures)
    }
}

extension RecordingReport {
    /// ``start`` on the local wall clock of ``timeZone``: the axis of the report's charts.
    public var wallStart: Timestamp { timeZone.wallClock(start) }
    /// ``end`` on the local wall clock of ``timeZone``.
    public var wallEnd: Timestamp { timeZone.wallClock(end) }
    /// The number of ``localDays`` with therapy.
    public var localDaysWithTherapy: Int { localDays.count(where: { $0.therapyHours > 0 }) }
    /// The span as the reports print it: `start → end` in ``timeZone``, with its offset.
    public var spanText: String { "\(timeZone.rfc3339(start)) → \(timeZone.rfc3339(end))" }
}
