import StimSafety

/// Writes a recording (`recording-format.md` §1) from events: the header line, one line per event
/// in the order given, and the `end` line.
public enum RecordingWriter {
    /// The whole recording as text, each line ending in a line feed.
    ///
    /// - Parameters:
    ///   - header: The first line.
    ///   - events: The events with their times, in time order.
    ///   - end: The time of the `end` line, which closes the recorded span.
    public static func text(header: RecordingHeader, events: [(time: Timestamp, event: RecordingEvent)], end: Timestamp)
        -> String
    {
        var text = header.line + "\n"
        for (time, event) in events where event != .end {
            text += event.recordingLine(at: time) + "\n"
        }
        return text + RecordingEvent.end.recordingLine(at: end) + "\n"
    }
}
