import RecordingFormat

/// One event of the recording model made from a source record, with the record it came from.
public struct ImportedEvent: Hashable, Sendable {
    /// When it happened, in UTC.
    public var time: Timestamp
    /// What happened, as a recording says it.
    public var event: RecordingEvent
    /// Where it came from (`StimLog.json record 4`), so that a line of the written recording, or an
    /// event the safety re-validation flags, can be traced to the log.
    public var source: String
    /// Whether a `program` event's contacts were not in the source: the program is written with an
    /// empty contact map and its contact rules are not evaluated (`docs/recording-format.md` §3, `safety`).
    public var contactsUnknown: Bool

    public init(time: Timestamp, event: RecordingEvent, source: String, contactsUnknown: Bool = false) {
        self.time = time
        self.event = event
        self.source = source
        self.contactsUnknown = contactsUnknown
    }
}
