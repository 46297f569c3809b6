import RecordingFormat

/// An event as read from a recording: where it was, when it says it happened, and when it applies.
public struct RecordedEvent: Hashable, Sendable {
    /// The 1-based line number in the file.
    public var line: Int
    /// The time written on the line.
    public var time: Timestamp
    /// The time the event takes effect: `time`, or the running maximum when the line is out of order,
    /// so that time never moves backwards.
    public var appliedAt: Timestamp
    /// What happened.
    public var event: RecordingEvent

    public init(line: Int, time: Timestamp, appliedAt: Timestamp, event: RecordingEvent) {
        self.line = line
        self.time = time
        self.appliedAt = appliedAt
        self.event = event
    }
}
