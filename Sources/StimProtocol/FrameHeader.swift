/// The fields of a frame's header that say what the frame is and where it belongs.
///
/// The magic, version, reserved byte, payload length and CRC are the framing's business and are
/// checked or computed by the decoder and encoder.
public struct FrameHeader: Hashable, Sendable {
    /// The message type; may be one this version does not know (see `FrameError.unknownMessageType`).
    public var type: MessageType
    /// Request, reply or error reply.
    public var kind: FrameKind
    /// The request's number within its session; a reply echoes the number of the request it answers.
    public var sequence: UInt32
    /// The session the frame belongs to, `.none` outside sessions.
    public var session: SessionID

    public init(type: MessageType, kind: FrameKind, sequence: UInt32, session: SessionID) {
        self.type = type
        self.kind = kind
        self.sequence = sequence
        self.session = session
    }
}
