/// The first line of a recording.
public struct RecordingHeader: Hashable, Sendable {
    /// Always `scs-recording`.
    public static let format = "scs-recording"
    /// The newest format version this reader understands.
    public static let supportedVersion = 1

    /// The format version the file declares (at most ``supportedVersion``).
    public var version: Int
    /// The device profile id.
    public var device: String
    /// The stimulator's serial number.
    public var serial: String
    /// Opens the recorded span.
    public var start: Timestamp

    public init(version: Int = RecordingHeader.supportedVersion, device: String, serial: String, start: Timestamp) {
        self.version = version
        self.device = device
        self.serial = serial
        self.start = start
    }

    /// The header as the first line of a recording, without the line feed.
    public var line: String {
        var first = JSONTextWriter(pretty: false)
        first.object { header in
            header.member("type", "header")
            header.member("format", Self.format)
            header.member("version", version)
            header.member("device", device)
            header.member("serial", serial)
            header.member("start", start.rfc3339)
        }
        return first.text
    }

    /// Whether an event at `time` lies within the span a recording can measure: not more than 2⁶³ − 1 ns
    /// (about 292 years) after ``start``, so that every duration between two instants of the recording
    /// is exact. Earlier events are applied at the start, so they always lie within it.
    public func spans(_ time: Timestamp) -> Bool {
        time <= start || !time.nanosecondsSinceEpoch.subtractingReportingOverflow(start.nanosecondsSinceEpoch).overflow
    }
}
