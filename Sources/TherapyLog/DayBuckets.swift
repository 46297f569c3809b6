import RecordingFormat

/// A summary of what happened over some time, which two neighbouring summaries can be merged into.
protocol DayTally: Hashable, Sendable {
    /// Folds the summary of the bucket that follows this one into this one.
    mutating func merge(following: Self)
}

/// Summaries of a series by calendar period of the report's zone, from local day `firstDay`: one per
/// local day while the span fits a weekly timeline (``UsageTimeline/weeklyDays``), one per month past it
/// and one per year past a monthly one (``UsageTimeline/monthlyDays``), so that memory stays bounded and
/// every bucket lies within one period of the ``UsageTimeline`` the report settles on at the end; plus
/// one per hour of the timeline's first hours, for a report by the hour.
struct DayBuckets<Tally: DayTally>: Sendable {
    /// How long a calendar bucket is.
    enum Level: Int, Comparable {
        case day, month, year

        static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The day number of the first bucket's first day.
    let firstDay: Int64
    private(set) var level = Level.day
    /// The calendar buckets in order; nil where nothing was recorded. The entry at `latestIndex` is out
    /// of date: `latest` holds that bucket.
    private(set) var tallies: [Tally?] = []
    /// The bucket updated last, held apart from the array: most updates fall in the bucket of the
    /// update before (a day's hourly battery samples) and change it here, without the array's
    /// copy-on-write element access, which cost more than the update itself.
    private var latest: Tally?
    /// The index of `latest`, or -1 when no bucket is held apart.
    private var latestIndex = -1
    /// The days `latest` covers: an update on one of them needs no calendar arithmetic.
    private var latestDays: Range<Int64> = 0..<0
    /// Buckets per hour of ``HourlyUsage``'s hours.
    private(set) var hours: [Tally?] = []

    init(firstDay: Int64) {
        self.firstDay = firstDay
    }

    /// Updates the bucket holding local day `day` (created from `empty` when it has nothing yet); days
    /// before the first are ignored.
    @inline(__always)
    mutating func update(day: Int64, empty: @autoclosure () -> Tally, _ body: (inout Tally) -> Void) {
        if !latestDays.contains(day) {
            guard day >= firstDay else { return }
            hold(day)
        }
        if latest == nil { latest = empty() }
        body(&latest!)
    }

    /// Updates the bucket of hour `hour` of ``HourlyUsage``'s hours.
    mutating func update(hour: Int, empty: @autoclosure () -> Tally, _ body: (inout Tally) -> Void) {
        while hour >= hours.count { hours.append(nil) }
        var tally = hours[hour].take() ?? empty()
        body(&tally)
        hours[hour] = tally
    }

    /// The recorded calendar buckets in order, each with its first day (not before ``firstDay``).
    var recorded: [(firstDay: Int64, tally: Tally)] {
        var recorded: [(firstDay: Int64, tally: Tally)] = []
        recorded.reserveCapacity(tallies.count)
        for (index, tally) in tallies.enumerated() {
            guard let tally = index == latestIndex ? latest : tally else { continue }
            recorded.append((max(days(of: index).lowerBound, firstDay), tally))
        }
        return recorded
    }

    /// The recorded buckets merged into the periods of `timeline`, which starts on ``firstDay`` (or,
    /// by the hour, at ``HourlyUsage/origin``), in order.
    func periods(of timeline: UsageTimeline) -> [(period: UsageTimeline.Period, tally: Tally)] {
        let periods = timeline.periods
        guard timeline.granularity != .hour else {
            return hours.prefix(periods.count).enumerated().compactMap { hour, tally in
                tally.map { (periods[hour], $0) }
            }
        }
        var merged: [(period: UsageTimeline.Period, tally: Tally)] = []
        var index = 0
        for bucket in recorded {
            // Both run in time order: the period holding the bucket's first day is at or after the last.
            let wall = Timestamp.startOfDay(bucket.firstDay)
            while index + 1 < periods.count, periods[index + 1].wallSpan.lowerBound <= wall { index += 1 }
            guard index < periods.count else { break }
            if merged.last?.period == periods[index] {
                merged[merged.count - 1].tally.merge(following: bucket.tally)
            } else {
                merged.append((periods[index], bucket.tally))
            }
        }
        return merged
    }

    /// Holds apart the bucket of `day`, first making the buckets as long as its distance from the first
    /// day calls for.
    private mutating func hold(_ day: Int64) {
        let distance = day - firstDay
        let needed: Level =
            distance >= UsageTimeline.monthlyDays ? .year : distance >= UsageTimeline.weeklyDays ? .month : .day
        if needed > level { coarsen(to: needed) }
        let index = self.index(of: day, at: level)
        putBack()
        // Usually one past the last bucket: appended one by one, without a generic repeated collection.
        while index >= tallies.count { tallies.append(nil) }
        // Taken out, not copied, so that a tally that holds an array stays uniquely referenced.
        swap(&latest, &tallies[index])
        latestIndex = index
        latestDays = days(of: index)
    }

    /// The index of the bucket holding `day` at `level`.
    private func index(of day: Int64, at level: Level) -> Int {
        switch level {
        case .day: return Int(day - firstDay)
        case .month:
            let (date, first) = (CivilDate(dayNumber: day), CivilDate(dayNumber: firstDay))
            return Int((date.year - first.year) * 12 + date.month - first.month)
        case .year: return Int(CivilDate(dayNumber: day).year - CivilDate(dayNumber: firstDay).year)
        }
    }

    /// The days of the bucket at `index`, the first of them perhaps before ``firstDay``.
    private func days(of index: Int) -> Range<Int64> {
        let first = CivilDate(dayNumber: firstDay)
        switch level {
        case .day: return firstDay + Int64(index)..<firstDay + Int64(index) + 1
        case .month:
            let months = first.month - 1 + Int64(index)
            let year = first.year + months.floorDiv(12)
            let month = months - months.floorDiv(12) * 12 + 1
            let start = CivilDate(year: year, month: month, day: 1).dayNumber
            return start..<start + CivilDate.daysIn(month: month, year: year)
        case .year:
            let year = first.year + Int64(index)
            return CivilDate(year: year, month: 1, day: 1)
                .dayNumber..<CivilDate(year: year + 1, month: 1, day: 1)
                .dayNumber
        }
    }

    /// Puts the bucket held apart back in the array; none is held apart afterwards.
    private mutating func putBack() {
        if latestIndex >= 0 { tallies[latestIndex] = latest }
        latest = nil
        latestIndex = -1
        latestDays = 0..<0
    }

    /// Merges the buckets into the longer ones of `coarser`: days nest in months, months in years.
    private mutating func coarsen(to coarser: Level) {
        putBack()
        let old = recorded
        tallies = []
        level = coarser
        for bucket in old {
            let index = self.index(of: bucket.firstDay, at: coarser)
            while index >= tallies.count { tallies.append(nil) }
            // Taken out of the array, so that merging changes a tally that holds an array in place.
            if var earlier = tallies[index].take() {
                earlier.merge(following: bucket.tally)
                tallies[index] = earlier
            } else {
                tallies[index] = bucket.tally
            }
        }
    }
}
