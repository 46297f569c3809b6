/// A slice of the event log to read: the readEventLog request.
///
/// Wire form: offset (UInt64), length (UInt16). The device may answer with fewer bytes.
public struct LogRange: Hashable, Sendable {
    /// The byte offset into the exported log.
    public var offset: UInt64
    /// The most bytes wanted.
    public var length: UInt16

    public init(offset: UInt64, length: UInt16) {
        self.offset = offset
        self.length = length
    }
}
