/// One unit on the wire: a header and a payload of at most `maximumPayloadLength` bytes.
///
/// Layout (little-endian), documented byte by byte in `docs/protocol.md`:
///
///     0  magic 0xC5 0x5C | 2 version | 3 type | 4 flags | 5 reserved (0)
///     6  sequence (UInt32) | 10 session (UInt32) | 14 payload length (UInt16)
///     16 payload | 16 + length: CRC-32/ISO-HDLC of bytes 0 ..< 16 + length (UInt32)
public struct Frame: Hashable, Sendable {
    /// The two bytes every frame starts with; a decoder that loses its place skips to the next pair.
    public static let magic: (UInt8, UInt8) = (0xC5, 0x5C)
    /// The version of the frame layout and message set described here.
    public static let protocolVersion: UInt8 = 1
    /// Bytes before the payload.
    public static let headerLength = 16
    /// Bytes after the payload (the CRC).
    public static let trailerLength = 4
    /// The longest frame, header and CRC included.
    public static let maximumLength = 4096
    /// The longest payload: `maximumLength` less header and CRC.
    public static let maximumPayloadLength = maximumLength - headerLength - trailerLength

    /// What the frame is and where it belongs.
    public let header: FrameHeader
    /// The message bytes, at most `maximumPayloadLength`.
    public let payload: [UInt8]

    /// A frame with `payload`; fails when the payload is longer than a frame can carry.
    public init(header: FrameHeader, payload: [UInt8]) throws(EncodeError) {
        guard payload.count <= Frame.maximumPayloadLength else {
            throw .payloadTooLarge(length: payload.count, limit: Frame.maximumPayloadLength)
        }
        self.header = header
        self.payload = payload
    }

    /// For the decoder, which has checked the length already.
    init(checkedHeader header: FrameHeader, payload: [UInt8]) {
        self.header = header
        self.payload = payload
    }

    /// The frame's length on the wire.
    public var encodedLength: Int { Frame.headerLength + payload.count + Frame.trailerLength }

    /// Appends the frame's wire form to `bytes`.
    public func encode(into bytes: inout [UInt8]) {
        let start = bytes.count
        var writer = ByteWriter(capacity: encodedLength)
        writer.write(Frame.magic.0)
        writer.write(Frame.magic.1)
        writer.write(Frame.protocolVersion)
        writer.write(header.type.rawValue)
        writer.write(header.kind.rawValue)
        writer.write(UInt8(0))
        writer.write(header.sequence)
        writer.write(header.session.rawValue)
        writer.write(UInt16(payload.count))
        writer.write(contentsOf: payload)
        bytes.append(contentsOf: writer.bytes)
        let crc = CRC32.checksum(bytes[start...])
        var trailer = ByteWriter(capacity: Frame.trailerLength)
        trailer.write(crc)
        bytes.append(contentsOf: trailer.bytes)
    }

    /// The frame's wire form.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encodedLength)
        encode(into: &bytes)
        return bytes
    }
}
