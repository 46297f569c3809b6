import RecordingFormat

/// Counts recharge sessions (a `start` followed by an `end`) and the time between their starts.
struct ChargeSessions: Sendable {
    private var pendingStart: Timestamp?
    private var firstStart: Timestamp?
    private var lastStart: Timestamp?
    private(set) var count = 0

    /// A `start` opens a session; a second `start` before an `end` replaces the unfinished one.
    mutating func start(at time: Timestamp) {
        pendingStart = time
    }

    /// An `end` completes the open session, if there is one; returns that session's start.
    @discardableResult
    mutating func end() -> Timestamp? {
        guard let start = pendingStart else { return nil }
        pendingStart = nil
        count += 1
        if firstStart == nil { firstStart = start }
        lastStart = start
        return start
    }

    /// The count and the mean interval between consecutive session starts (nil below two sessions).
    var summary: ChargeSummary {
        guard count >= 2, let firstStart, let lastStart else {
            return ChargeSummary(count: count, meanIntervalHours: nil)
        }
        let span = Hours.from(nanoseconds: lastStart.nanoseconds(since: firstStart))
        return ChargeSummary(count: count, meanIntervalHours: span / Double(count - 1))
    }
}
