import RecordingFormat

/// One record of an RC+S session file: its place in the file's array and its host time.
struct RCSRecord {
    /// The file it came from.
    var file: RCSFile
    /// The 1-based index in the file's array.
    var index: Int
    /// The record.
    var value: JSONValue
    /// `RecordInfo.HostUnixTime` (ms since the Unix epoch), when the record has one.
    var hostTime: Timestamp?

    /// `StimLog.json record 4`.
    var source: String { "\(file.name) record \(index)" }

    /// A time in milliseconds since the Unix epoch, to the millisecond; nil for a value that is not a
    /// positive number.
    ///
    /// Below 9e12 a double holds every whole millisecond exactly, so the count is rounded to whole
    /// milliseconds first and scaled as an integer: scaling the double would print 1565897564493 ms as
    /// `…44.492999936Z`.
    static func time(milliseconds value: JSONValue?) -> Timestamp? {
        guard let milliseconds = value?.double, milliseconds > 0, milliseconds < 9e12 else { return nil }
        return Timestamp(nanosecondsSinceEpoch: Int64(milliseconds.rounded()) * 1_000_000)
    }
}
