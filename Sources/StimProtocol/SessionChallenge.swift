/// The device's answer to openSession: the session it reserved and the nonce the host must sign.
///
/// Wire form: session id (UInt32, never 0), device nonce (16 bytes).
public struct SessionChallenge: Hashable, Sendable {
    /// The reserved session; the authenticate request is sent in it.
    public var session: SessionID
    /// The fresh nonce the host's proof must cover.
    public var deviceNonce: Nonce

    public init(session: SessionID, deviceNonce: Nonce) {
        self.session = session
        self.deviceNonce = deviceNonce
    }
}

extension ByteReader {
    mutating func readChallenge() throws(PayloadError) -> SessionChallenge {
        let session: UInt32 = try read(field: "session")
        guard session != 0 else { throw .invalidValue(field: "session", value: 0) }
        return SessionChallenge(
            session: SessionID(rawValue: session), deviceNonce: try readNonce(field: "device nonce"))
    }
}
