/// Why bytes on the wire did not make a frame. The decoder has always moved past the problem when
/// it reports one, so decoding simply goes on.
public enum FrameError: Error, Hashable, Sendable {
    /// Bytes where a frame should start are not the magic; the decoder skips to the next magic
    /// (silently, counting the bytes in `FrameDecoder.discardedByteCount`).
    case badMagic
    /// The version byte names a frame layout this decoder does not speak.
    case unsupportedVersion(UInt8)
    /// The flags byte is not one of the `FrameKind` values.
    case invalidFlags(UInt8)
    /// The reserved header byte is not zero.
    case reservedByteSet(UInt8)
    /// The payload length exceeds what the format allows in any frame (`Frame.maximumPayloadLength`).
    case badLength(UInt16)
    /// The CRC over header and payload does not match the frame's trailer.
    case badCRC(expected: UInt32, received: UInt32)
    /// The stream ended (`FrameDecoder.finish`) inside a frame that began `byteCount` bytes before
    /// the end.
    case truncated(byteCount: Int)
    /// A whole, intact request or reply of a type this version does not define. The frame has been
    /// consumed; its header lets the session layer answer with an error reply.
    case unknownMessageType(FrameHeader)
}
