/// A summary of what happened over some UTC days, which two neighbouring summaries can be merged into.
protocol DayTally: Hashable, Sendable {
    /// Folds the summary of the bucket that follows this one into this one.
    mutating func merge(following: Self)
}

/// Summaries of consecutive UTC days from `firstDay`, one per bucket of `width` days, at most `capacity`
/// buckets: a day past the last bucket doubles the width (neighbouring pairs merge), so memory is bounded
/// whatever the span while a recording of up to `capacity` days keeps one bucket per day.
struct DayBuckets<Tally: DayTally>: Sendable {
    /// The day number of the first bucket's first day.
    let firstDay: Int64
    /// The most buckets held.
    let capacity: Int
    /// Days per bucket: 1, 2, 4, …, as a power of two.
    private var widthExponent: Int64 = 0
    /// Days per bucket: 1, 2, 4, …
    var width: Int64 { 1 << widthExponent }
    /// The buckets in order; nil where nothing was recorded. The entry at `latestIndex` is out of
    /// date: `latest` holds that bucket.
    private(set) var tallies: [Tally?] = []
    /// The bucket updated last, held apart from the array: most updates fall in the bucket of the
    /// update before (a day's hourly battery samples) and change it here, without the array's
    /// copy-on-write element access, which cost more than the update itself.
    private var latest: Tally?
    /// The index of `latest`, or -1 when no bucket is held apart.
    private var latestIndex = -1

    /// Empty buckets from `firstDay`, at most `capacity` of them (a series' ``RecordingSeries/bucketLimit``
    /// unless told).
    init(firstDay: Int64, capacity: Int = RecordingSeries.bucketLimit) {
        self.firstDay = firstDay
        self.capacity = max(capacity, 2)
    }

    /// Updates the bucket holding `day` (created from `empty` when it has nothing yet); days before the
    /// first are ignored.
    @inline(__always)
    mutating func update(day: Int64, empty: @autoclosure () -> Tally, _ body: (inout Tally) -> Void) {
        guard day >= firstDay else { return }
        while (day - firstDay) >> widthExponent >= Int64(capacity) { coarsen() }
        let index = Int((day - firstDay) >> widthExponent)
        if index != latestIndex { holdApart(index) }
        if latest == nil { latest = empty() }
        body(&latest!)
    }

    /// The recorded buckets with the first day of each.
    var recorded: [(firstDay: Int64, days: Int, tally: Tally)] {
        var recorded: [(firstDay: Int64, days: Int, tally: Tally)] = []
        recorded.reserveCapacity(tallies.count)
        for (index, tally) in tallies.enumerated() {
            guard let tally = index == latestIndex ? latest : tally else { continue }
            recorded.append((firstDay + Int64(index) * width, Int(width), tally))
        }
        return recorded
    }

    /// Puts the bucket held apart back in the array and holds the bucket at `index` apart instead.
    private mutating func holdApart(_ index: Int) {
        putBack()
        // Usually one day past the last bucket: appended one by one, without a generic repeated collection.
        while index >= tallies.count { tallies.append(nil) }
        // Taken out, not copied, so that a tally that holds an array stays uniquely referenced.
        swap(&latest, &tallies[index])
        latestIndex = index
    }

    /// Puts the bucket held apart back in the array; none is held apart afterwards.
    private mutating func putBack() {
        if latestIndex >= 0 { tallies[latestIndex] = latest }
        latest = nil
        latestIndex = -1
    }

    /// Doubles the width: buckets 2k and 2k+1 become bucket k.
    private mutating func coarsen() {
        putBack()
        // Room for the full capacity at once: the buckets fill up to it again.
        var merged: [Tally?] = []
        merged.reserveCapacity(capacity)
        var index = 0
        while index < tallies.count {
            // Taken out of the array, so that merging changes a tally that holds an array in place.
            var pair = tallies[index].take()
            if index + 1 < tallies.count, let later = tallies[index + 1].take() {
                if pair == nil { pair = later } else { pair!.merge(following: later) }
            }
            merged.append(pair)
            index += 2
        }
        tallies = merged
        widthExponent += 1
    }
}
