/// The device side of one session, as pure state: the handshake, the session key, the role's
/// permissions and the replay guard. The device owns one per reserved session id and consults it for
/// every frame.
public struct DeviceSession: Sendable {
    /// Where a session stands.
    public enum Phase: Hashable, Sendable {
        /// Reserved by openSession; waiting for the host's proof over `deviceNonce`.
        case challenged(deviceNonce: Nonce)
        /// Authenticated: requests are admitted subject to role and replay guard.
        case open
        /// Closed by the host, by a failed proof, or by the device; nothing is admitted any more.
        case closed
    }

    /// The session id the device reserved.
    public let id: SessionID
    /// The role the host asked for, bound into both proofs.
    public let role: Role
    /// Challenged, open or closed.
    public private(set) var phase: Phase
    /// The replay guard of the session's sequence numbers.
    public private(set) var window: SequenceWindow
    /// The key every frame of the session is authenticated with, from the moment the handshake
    /// succeeds; kept after the session closes, so that its refusals can still be authenticated.
    public private(set) var key: SessionKey?

    /// A session reserved for `role` with challenge `deviceNonce`, as the openSession reply announces.
    public init(id: SessionID, role: Role, deviceNonce: Nonce, window: SequenceWindow = SequenceWindow()) {
        self.id = id
        self.role = role
        phase = .challenged(deviceNonce: deviceNonce)
        self.window = window
    }

    /// Checks the host's answer, sent with number `sequence`, with `key` (the device's key for this
    /// session's role). On success the session opens with its session key, the number counts as used,
    /// and the device's proof for the reply is returned; on failure the session closes, so one
    /// challenge allows one attempt.
    public mutating func authenticate(
        _ response: HostResponse, sequence: UInt32, key: DeviceKey
    ) throws(SessionError) -> AuthenticationCode {
        guard case .challenged(let deviceNonce) = phase else { throw .notChallenged }
        guard
            ChallengeResponse.verifyHostProof(
                response.proof, key: key, role: role, session: id, deviceNonce: deviceNonce,
                hostNonce: response.hostNonce)
        else {
            phase = .closed
            throw .authenticationFailed
        }
        do {
            try window.accept(sequence)
        } catch {
            phase = .closed
            throw .replayed(error)
        }
        phase = .open
        self.key = SessionKey(
            roleKey: key, role: role, session: id, deviceNonce: deviceNonce, hostNonce: response.hostNonce)
        return ChallengeResponse.deviceProof(
            key: key, role: role, session: id, deviceNonce: deviceNonce, hostNonce: response.hostNonce)
    }

    /// Admits a request of `type` numbered `sequence`, whose MAC the caller has verified under ``key``:
    /// the session must be open, the role must permit the type, and the number must be new. A refused
    /// request leaves the replay guard unchanged.
    public mutating func admit(sequence: UInt32, type: MessageType) throws(SessionError) {
        guard phase == .open else { throw .notOpen }
        guard role.isPermitted(type) else { throw .notPermitted(role: role, type: type) }
        do {
            try window.accept(sequence)
        } catch {
            throw .replayed(error)
        }
    }

    /// Whether the session is a handshake in progress, waiting for the host's proof.
    public var isChallenged: Bool {
        if case .challenged = phase { true } else { false }
    }

    /// Closes the session; nothing is admitted after this.
    public mutating func close() { phase = .closed }
}
