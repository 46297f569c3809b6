/// The simulator's event log, kept as the lines of its recording (`recording-format.md`), so that
/// exporting it is a copy and reading it over the wire is a slice.
///
/// The header and the `end` line are added on export: the header carries `start`, the `end` line the
/// instant of the export (never earlier than the last event).
struct EventLog: Sendable {
    /// The profile id the header names.
    let device: String
    /// The serial number the header names.
    let serial: String
    /// The start of the recorded span.
    private(set) var start: DeviceInstant
    /// The event lines, each ending in a line feed.
    private(set) var body: [UInt8] = []
    /// How many events the log holds.
    private(set) var eventCount = 0
    /// The instant of the latest event, `start` before the first.
    private(set) var lastTime: DeviceInstant

    init(device: String, serial: String, start: DeviceInstant) {
        self.device = device
        self.serial = serial
        self.start = start
        lastTime = start
    }

    /// Appends `event` stamped `time`.
    mutating func append(_ event: DeviceEvent, at time: DeviceInstant) {
        body.append(contentsOf: event.recordingLine(at: time).utf8)
        body.append(0x0A)
        eventCount += 1
        lastTime = max(lastTime, time)
    }

    /// Moves the start of the span, which only an empty log allows (a clock set before anything
    /// happened); returns whether it moved.
    @discardableResult
    mutating func restart(at time: DeviceInstant) -> Bool {
        guard eventCount == 0 else { return false }
        start = time
        lastTime = time
        return true
    }

    /// The whole recording: header, events, and an `end` line at `end` (or the last event, if later).
    func export(end: DeviceInstant) -> [UInt8] {
        var header = JSONObjectWriter()
        header.string("type", "header")
        header.string("format", "scs-recording")
        header.integer("version", 1)
        header.string("device", device)
        header.string("serial", serial)
        header.string("start", start.rfc3339)
        var last = JSONObjectWriter()
        last.string("t", max(end, lastTime).rfc3339)
        last.string("type", "end")
        var bytes = Array((header.finish() + "\n").utf8)
        bytes.reserveCapacity(bytes.count + body.count + 64)
        bytes.append(contentsOf: body)
        bytes.append(contentsOf: (last.finish() + "\n").utf8)
        return bytes
    }
}
