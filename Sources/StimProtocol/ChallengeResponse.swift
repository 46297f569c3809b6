import Crypto

/// The two proofs of the session handshake (`docs/protocol.md`, "Sessions"), computed and verified
/// with HMAC-SHA256.
///
/// - host proof:   HMAC(key, deviceNonce ‖ role ‖ hostNonce)              — 33 bytes of input
/// - device proof: HMAC(key, hostNonce ‖ role ‖ deviceNonce ‖ session)   — 37 bytes of input
///
/// The inputs differ in length and order, so neither proof can be replayed as the other; the fresh
/// device nonce makes every host proof single-use, and the host nonce does the same for the device's.
public enum ChallengeResponse {
    /// The host's answer to the device's challenge.
    public static func hostProof(
        key: DeviceKey, deviceNonce: Nonce, role: Role, hostNonce: Nonce
    ) -> AuthenticationCode {
        var input = deviceNonce.bytes
        input.append(role.rawValue)
        input.append(contentsOf: hostNonce.bytes)
        return authenticate(input, key: key)
    }

    /// The device's proof, sent with a successful authenticate reply, that it holds the key too.
    public static func deviceProof(
        key: DeviceKey, hostNonce: Nonce, role: Role, deviceNonce: Nonce, session: SessionID
    ) -> AuthenticationCode {
        var input = hostNonce.bytes
        input.append(role.rawValue)
        input.append(contentsOf: deviceNonce.bytes)
        withUnsafeBytes(of: session.rawValue.littleEndian) { input.append(contentsOf: $0) }
        return authenticate(input, key: key)
    }

    /// Whether `proof` is the host proof for these inputs, compared in constant time.
    public static func verifyHostProof(
        _ proof: AuthenticationCode, key: DeviceKey, deviceNonce: Nonce, role: Role, hostNonce: Nonce
    ) -> Bool {
        let expected = hostProof(key: key, deviceNonce: deviceNonce, role: role, hostNonce: hostNonce)
        return constantTimeEquals(expected.bytes, proof.bytes)
    }

    /// Whether `proof` is the device proof for these inputs, compared in constant time.
    public static func verifyDeviceProof(
        _ proof: AuthenticationCode, key: DeviceKey, hostNonce: Nonce, role: Role, deviceNonce: Nonce,
        session: SessionID
    ) -> Bool {
        let expected = deviceProof(
            key: key, hostNonce: hostNonce, role: role, deviceNonce: deviceNonce, session: session)
        return constantTimeEquals(expected.bytes, proof.bytes)
    }

    private static func authenticate(_ input: [UInt8], key: DeviceKey) -> AuthenticationCode {
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
