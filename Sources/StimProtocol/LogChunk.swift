/// A slice of the event log: the readEventLog reply.
///
/// Wire form: offset (UInt64, echoed), total log length (UInt64), done (UInt8 0/1), byte count
/// (UInt16), the bytes. At most `maximumLength` bytes fit in one frame.
public struct LogChunk: Hashable, Sendable {
    /// The most bytes one chunk can carry.
    public static let maximumLength = Frame.maximumPayloadLength - 19

    /// Where the chunk starts in the log.
    public var offset: UInt64
    /// The log's total length when the chunk was read.
    public var total: UInt64
    /// Whether the chunk reaches the end of the log.
    public var isComplete: Bool
    /// The log bytes from `offset`, at most `maximumLength`.
    public var bytes: [UInt8]

    public init(offset: UInt64, total: UInt64, isComplete: Bool, bytes: [UInt8]) {
        self.offset = offset
        self.total = total
        self.isComplete = isComplete
        self.bytes = bytes
    }
}

extension ByteWriter {
    mutating func write(_ chunk: LogChunk) throws(EncodeError) {
        guard chunk.bytes.count <= LogChunk.maximumLength else {
            throw .payloadTooLarge(length: chunk.bytes.count + 19, limit: Frame.maximumPayloadLength)
        }
        write(chunk.offset)
        write(chunk.total)
        write(chunk.isComplete)
        write(UInt16(chunk.bytes.count))
        write(contentsOf: chunk.bytes)
    }
}

extension ByteReader {
    mutating func readLogChunk() throws(PayloadError) -> LogChunk {
        let offset: UInt64 = try read(field: "log offset")
        let total: UInt64 = try read(field: "log total")
        let isComplete = try readBool(field: "log done")
        let count: UInt16 = try read(field: "log chunk length")
        return LogChunk(
            offset: offset, total: total, isComplete: isComplete, bytes: try readBytes(Int(count), field: "log chunk"))
    }
}
