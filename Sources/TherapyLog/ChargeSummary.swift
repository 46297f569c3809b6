import RecordingFormat

/// Recharge sessions (a `start` followed by an `end`): how many, and the time between their starts.
public struct ChargeSummary: Hashable, Sendable {
    /// Completed sessions.
    public private(set) var count = 0
    private var pendingStart: Timestamp?
    private var firstStart: Timestamp?
    private var lastStart: Timestamp?

    /// The mean time between consecutive session starts, in hours; nil with fewer than two sessions.
    public var meanIntervalHours: Double? {
        guard count >= 2, let firstStart, let lastStart else { return nil }
        return Hours.from(nanoseconds: lastStart.nanoseconds(since: firstStart)) / Double(count - 1)
    }

    /// A `start` opens a session; a second `start` before an `end` replaces the unfinished one.
    mutating func start(at time: Timestamp) {
        pendingStart = time
    }

    /// An `end` completes the open session, if there is one; returns that session's start.
    mutating func end() -> Timestamp? {
        guard let start = pendingStart else { return nil }
        pendingStart = nil
        count += 1
        if firstStart == nil { firstStart = start }
        lastStart = start
        return start
    }
}
