/// The fields of a frame's header that say what the frame is and where it belongs.
///
/// The magic, reserved byte, payload length, MAC flag and CRC are the framing's business and are
/// checked or computed by the decoder and encoder.
public struct FrameHeader: Hashable, Sendable {
    /// The protocol version the frame is laid out in (one of `Frame.decodableVersions`).
    public var version: UInt8
    /// The message type; may be one this version does not know (see `FrameError.unknownMessageType`).
    public var type: MessageType
    /// Request, reply or error reply.
    public var kind: FrameKind
    /// The request's number within its session; a reply echoes the number of the request it answers.
    public var sequence: UInt32
    /// The session the frame belongs to, `.none` outside sessions.
    public var session: SessionID

    public init(
        version: UInt8 = Frame.protocolVersion, type: MessageType, kind: FrameKind, sequence: UInt32,
        session: SessionID
    ) {
        self.version = version
        self.type = type
        self.kind = kind
        self.sequence = sequence
        self.session = session
    }
}
