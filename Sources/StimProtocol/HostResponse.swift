/// The host's authenticate request: its own nonce and its proof over the role, the session and both
/// nonces.
///
/// Wire form: host nonce (16 bytes), host proof (32 bytes).
public struct HostResponse: Hashable, Sendable {
    /// The host's fresh nonce, which makes the device's proof single-use.
    public var hostNonce: Nonce
    /// `ChallengeResponse.hostProof` of the session's role and id, the challenge's nonce and `hostNonce`.
    public var proof: AuthenticationCode

    public init(hostNonce: Nonce, proof: AuthenticationCode) {
        self.hostNonce = hostNonce
        self.proof = proof
    }
}

extension ByteReader {
    mutating func readHostResponse() throws(PayloadError) -> HostResponse {
        HostResponse(hostNonce: try readNonce(field: "host nonce"), proof: try readCode(field: "host proof"))
    }
}
