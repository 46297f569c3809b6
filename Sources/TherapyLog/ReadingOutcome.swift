import RecordingFormat

/// What the reader knows once it has read to the end of the file.
public struct ReadingOutcome: Hashable, Sendable {
    /// The number of lines read.
    public var lineCount: Int
    /// Where the recorded span closes: the `end` event's time, or the last event's when truncated.
    public var end: Timestamp
    /// Whether the `end` line was missing.
    public var isTruncated: Bool
    /// The most bytes held in the read buffer at once (one chunk plus a partial line).
    public var peakBufferedBytes: Int
    /// The file's length in bytes.
    public var bytesRead: Int

    public init(lineCount: Int, end: Timestamp, isTruncated: Bool, peakBufferedBytes: Int, bytesRead: Int) {
        self.lineCount = lineCount
        self.end = end
        self.isTruncated = isTruncated
        self.peakBufferedBytes = peakBufferedBytes
        self.bytesRead = bytesRead
    }
}
