/// One unit on the wire: a header, a payload of at most `maximumPayloadLength` bytes and, inside a
/// session, the MAC that authenticates both.
///
/// Layout (little-endian), documented byte by byte in `docs/protocol.md` §1:
///
///     0  magic 0xC5 0x5C | 2 version | 3 type | 4 flags | 5 reserved (0)
///     6  sequence (UInt32) | 10 session (UInt32) | 14 payload length (UInt16)
///     16 payload
///     16 + length: MAC (16 bytes), present when flags bit 2 is set
///     then: CRC-32/ISO-HDLC of every byte before it (UInt32)
public struct Frame: Hashable, Sendable {
    /// The two bytes every frame starts with; a decoder that loses its place skips to the next pair.
    public static let magic: (UInt8, UInt8) = (0xC5, 0x5C)
    /// The version of the frame layout and message set described here, the one this code speaks.
    public static let protocolVersion: UInt8 = 2
    /// The versions whose frames the decoder reads: this one, and version 1, whose layout is this one's
    /// without the MAC, so that a device can refuse a version-1 host in a frame that host can read.
    public static let decodableVersions: ClosedRange<UInt8> = 1...protocolVersion
    /// The flags bit that says a MAC follows the payload.
    static let authenticatedFlag: UInt8 = 0x04
    /// Bytes before the payload.
    public static let headerLength = 16
    /// Bytes after the payload and the MAC (the CRC).
    public static let trailerLength = 4
    /// The longest frame, header, MAC and CRC included.
    public static let maximumLength = 4096
    /// The longest payload: `maximumLength` less header, MAC and CRC, with or without a MAC.
    public static let maximumPayloadLength = maximumLength - headerLength - FrameTag.length - trailerLength

    /// What the frame is and where it belongs.
    public let header: FrameHeader
    /// The message bytes, at most `maximumPayloadLength`.
    public let payload: [UInt8]
    /// The MAC over header and payload; nil outside sessions (`MessageType.isHandshake`).
    public let tag: FrameTag?

    /// A frame with `payload` and, optionally, a MAC (``authenticated(with:)`` computes the right one);
    /// fails when the payload is longer than a frame can carry, or when a version-1 frame has a MAC.
    public init(header: FrameHeader, payload: [UInt8], tag: FrameTag? = nil) throws(EncodeError) {
        guard payload.count <= Frame.maximumPayloadLength else {
            throw .payloadTooLarge(length: payload.count, limit: Frame.maximumPayloadLength)
        }
        guard tag == nil || header.version == Frame.protocolVersion else {
            throw .valueOutOfRange(field: "version", value: Int(header.version))
        }
        self.header = header
        self.payload = payload
        self.tag = tag
    }

    /// For the decoder and for ``authenticated(with:)``, which have checked the length already.
    init(checkedHeader header: FrameHeader, payload: [UInt8], tag: FrameTag?) {
        self.header = header
        self.payload = payload
        self.tag = tag
    }

    /// The frame's length on the wire.
    public var encodedLength: Int {
        Frame.headerLength + payload.count + (tag == nil ? 0 : FrameTag.length) + Frame.trailerLength
    }

    /// The frame's wire form.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encodedLength)
        withHeaderBytes(isAuthenticated: tag != nil) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: payload)
        if let tag {
            withUnsafeBytes(of: tag.low.littleEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: tag.high.littleEndian) { bytes.append(contentsOf: $0) }
        }
        let crc = CRC32.checksum(bytes)
        withUnsafeBytes(of: crc.littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Calls `body` with the frame's 16 header bytes as they go on the wire, the MAC flag set or
    /// clear as `isAuthenticated` says; for the encoder and the MAC, which covers exactly these bytes.
    func withHeaderBytes<Result>(
        isAuthenticated: Bool, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(byteCount: Frame.headerLength, alignment: 1) { buffer in
            buffer[0] = Frame.magic.0
            buffer[1] = Frame.magic.1
            buffer[2] = header.version
            buffer[3] = header.type.rawValue
            buffer[4] = header.kind.rawValue | (isAuthenticated ? Frame.authenticatedFlag : 0)
            buffer[5] = 0
            buffer.storeBytes(of: header.sequence.littleEndian, toByteOffset: 6, as: UInt32.self)
            buffer.storeBytes(of: header.session.rawValue.littleEndian, toByteOffset: 10, as: UInt32.self)
            buffer.storeBytes(of: UInt16(payload.count).littleEndian, toByteOffset: 14, as: UInt16.self)
            return body(UnsafeRawBufferPointer(buffer))
        }
    }
}
