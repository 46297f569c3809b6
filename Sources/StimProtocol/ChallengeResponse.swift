import Crypto

/// The two proofs of the session handshake (`docs/protocol.md` §4, "Handshake"), computed and
/// verified with HMAC-SHA256 under the role's key:
///
/// - host proof:   HMAC(K, "scs v2 host proof"   ‖ role ‖ session ‖ deviceNonce ‖ hostNonce) — 54 bytes
/// - device proof: HMAC(K, "scs v2 device proof" ‖ role ‖ session ‖ deviceNonce ‖ hostNonce) — 56 bytes
///
/// The labels keep the two proofs, and any other use of the key, apart, and name the protocol version,
/// so neither proof can stand in for the other or for a proof of another version. Each proof binds the
/// role, the session id and both nonces: the fresh device nonce makes every host proof single-use, the
/// fresh host nonce does the same for the device's, and a proof made for one session or role is
/// worthless in any other.
public enum ChallengeResponse {
    static let hostLabel = Array("scs v2 host proof".utf8)
    static let deviceLabel = Array("scs v2 device proof".utf8)

    /// The host's answer to the device's challenge.
    public static func hostProof(
        key: DeviceKey, role: Role, session: SessionID, deviceNonce: Nonce, hostNonce: Nonce
    ) -> AuthenticationCode {
        proof(hostLabel, key: key, role: role, session: session, deviceNonce: deviceNonce, hostNonce: hostNonce)
    }

    /// The device's proof, sent with a successful authenticate reply, that it holds the key too.
    public static func deviceProof(
        key: DeviceKey, role: Role, session: SessionID, deviceNonce: Nonce, hostNonce: Nonce
    ) -> AuthenticationCode {
        proof(deviceLabel, key: key, role: role, session: session, deviceNonce: deviceNonce, hostNonce: hostNonce)
    }

    /// Whether `proof` is the host proof for these inputs, compared in constant time.
    public static func verifyHostProof(
        _ proof: AuthenticationCode, key: DeviceKey, role: Role, session: SessionID, deviceNonce: Nonce,
        hostNonce: Nonce
    ) -> Bool {
        let expected = hostProof(
            key: key, role: role, session: session, deviceNonce: deviceNonce, hostNonce: hostNonce)
        return constantTimeEquals(expected.bytes, proof.bytes)
    }

    /// Whether `proof` is the device proof for these inputs, compared in constant time.
    public static func verifyDeviceProof(
        _ proof: AuthenticationCode, key: DeviceKey, role: Role, session: SessionID, deviceNonce: Nonce,
        hostNonce: Nonce
    ) -> Bool {
        let expected = deviceProof(
            key: key, role: role, session: session, deviceNonce: deviceNonce, hostNonce: hostNonce)
        return constantTimeEquals(expected.bytes, proof.bytes)
    }

    private static func proof(
        _ label: [UInt8], key: DeviceKey, role: Role, session: SessionID, deviceNonce: Nonce, hostNonce: Nonce
    ) -> AuthenticationCode {
        var input = label
        input.append(role.rawValue)
        withUnsafeBytes(of: session.rawValue.littleEndian) { input.append(contentsOf: $0) }
        input.append(contentsOf: deviceNonce.bytes)
        input.append(contentsOf: hostNonce.bytes)
        let code = HMAC<SHA256>.authenticationCode(for: input, using: key.symmetricKey)
        return AuthenticationCode(read: Array(code))
    }
}

/// Whether two byte strings are equal, taking the same time for every pair of equal-length inputs
/// (the length itself is not secret).
func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for index in lhs.indices {
        difference |= lhs[index] ^ rhs[index]
    }
    return difference == 0
}
