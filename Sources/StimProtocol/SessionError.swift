/// Why a session refused a frame.
public enum SessionError: Error, Hashable, Sendable {
    /// An authenticate request for a session that is not waiting for one.
    case notChallenged
    /// The host's proof did not verify; the session is closed.
    case authenticationFailed
    /// A request in a session that is not open (still challenged, or closed).
    case notOpen
    /// The session's role may not send this type.
    case notPermitted(role: Role, type: MessageType)
    /// The sequence number is old or repeated.
    case replayed(ReplayError)

    /// The error reply code that answers this refusal.
    public var errorCode: ErrorCode {
        switch self {
        case .notChallenged, .notOpen: .noSession
        case .authenticationFailed: .authenticationFailed
        case .notPermitted: .notPermitted
        case .replayed: .replayed
        }
    }
}
