import RecordingFormat

/// The simulator's event log, kept as the lines of its recording (`recording-format.md`), so that
/// exporting it is a copy and reading it over the wire is a slice.
///
/// The header and the `end` line are added on export: the header carries `start`, the `end` line the
/// instant of the export (never earlier than the last event). A long simulation drains the log as it
/// goes instead (``drain(closingAt:)``), so that the lines it has written are not held twice.
struct EventLog: Sendable {
    /// The profile id the header names.
    let device: String
    /// The serial number the header names.
    let serial: String
    /// The start of the recorded span.
    private(set) var start: Timestamp
    /// The event lines, each ending in a line feed.
    private(set) var body: [UInt8] = []
    /// How many events have been logged (drained ones included).
    private(set) var eventCount = 0
    /// Whether the header has been drained, which fixes `start`.
    private var isDraining = false
    /// The instant of the latest event, `start` before the first.
    private(set) var lastTime: Timestamp

    init(device: String, serial: String, start: Timestamp) {
        self.device = device
        self.serial = serial
        self.start = start
        lastTime = start
    }

    /// Appends `event` stamped `time`.
    mutating func append(_ event: RecordingEvent, at time: Timestamp) {
        body.append(contentsOf: event.recordingLine(at: time).utf8)
        body.append(0x0A)
        eventCount += 1
        lastTime = max(lastTime, time)
    }

    /// Moves the start of the span, which only an empty log allows (a clock set before anything
    /// happened); returns whether it moved.
    @discardableResult
    mutating func restart(at time: Timestamp) -> Bool {
        guard eventCount == 0, !isDraining else { return false }
        start = time
        lastTime = time
        return true
    }

    /// The whole recording: header, events, and an `end` line at `end` (or the last event, if later).
    ///
    /// After a drain, the header and the events not drained yet.
    func export(end: Timestamp) -> [UInt8] {
        var bytes = headerLine
        bytes.reserveCapacity(bytes.count + body.count + 64)
        bytes.append(contentsOf: body)
        bytes.append(contentsOf: endLine(at: end))
        return bytes
    }

    /// The recording so far, piece by piece: the header on the first call, then the events logged since
    /// the previous call, which the log forgets; with `end`, the `end` line too, closing the recording.
    /// The pieces of successive calls, joined, are byte for byte what ``export(end:)`` would have given.
    mutating func drain(closingAt end: Timestamp? = nil) -> [UInt8] {
        var bytes = isDraining ? [] : headerLine
        isDraining = true
        bytes.append(contentsOf: body)
        body.removeAll(keepingCapacity: true)
        if let end { bytes.append(contentsOf: endLine(at: end)) }
        return bytes
    }

    private var headerLine: [UInt8] {
        Array((RecordingHeader(device: device, serial: serial, start: start).line + "\n").utf8)
    }

    private func endLine(at end: Timestamp) -> [UInt8] {
        Array((RecordingEvent.end.recordingLine(at: max(end, lastTime)) + "\n").utf8)
    }
}
