/// Recharge sessions (a `start` followed by an `end`).
public struct ChargeSummary: Hashable, Sendable {
    /// Completed sessions.
    public var count: Int
    /// The mean time between consecutive session starts, in hours; nil with fewer than two sessions.
    public var meanIntervalHours: Double?
}
