/// What a frame is, as said by bits 0 and 1 of its flags byte: a request, a reply, or an error reply.
///
/// The flags byte holds bit 0 "reply", bit 1 "error" and bit 2 "a MAC follows the payload"; bits 3–7
/// are reserved and must be zero, and "error" without "reply" is not a frame.
public enum FrameKind: UInt8, CaseIterable, Hashable, Sendable {
    /// A command from the host; its payload is the request of the frame's type.
    case request = 0x00
    /// A successful answer; its payload is the reply of the frame's type.
    case reply = 0x01
    /// A refused or failed request; its payload is an `ErrorReply` whatever the frame's type.
    case error = 0x03
}
