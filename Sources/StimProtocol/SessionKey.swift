import Crypto

/// The key that authenticates every frame of one session, which host and device each derive once the
/// handshake has succeeded (`docs/protocol.md` §4, "Session key"):
///
///     Ks = HKDF-SHA256(IKM: K_role, salt: Nd ‖ Nh, info: "scs v2 session key" ‖ role ‖ S, 32 bytes)
///
/// A frame's MAC (``FrameTag``) is HMAC-SHA256(Ks, header ‖ payload) cut to 16 bytes, where the header
/// is the frame's 16 header bytes as sent: version, type, flags (with the MAC bit set), sequence
/// number, session id and payload length.
///
/// Both nonces make the key new for every session, so a frame captured in one session is worthless in
/// any other; the role and session id make it unusable for another session even with the same nonces.
public struct SessionKey: Sendable {
    /// HKDF's info starts with this label, so no other use of the role key can yield this key.
    static let label = Array("scs v2 session key".utf8)
    /// The length of Ks.
    static let length = 32

    /// HMAC keyed with Ks, its inner and outer pads absorbed once; copied for every frame.
    private let keyed: HMAC<SHA256>

    /// The key of session `session` in `role`, whose handshake used `deviceNonce` and `hostNonce`, from
    /// the role's key.
    public init(roleKey: DeviceKey, role: Role, session: SessionID, deviceNonce: Nonce, hostNonce: Nonce) {
        var info = SessionKey.label
        info.append(role.rawValue)
        withUnsafeBytes(of: session.rawValue.littleEndian) { info.append(contentsOf: $0) }
        let derived = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: roleKey.symmetricKey, salt: deviceNonce.bytes + hostNonce.bytes, info: info,
            outputByteCount: SessionKey.length)
        keyed = HMAC<SHA256>(key: derived)
    }

    /// The MAC of `frame` under this key, whatever tag the frame carries now.
    func tag(for frame: Frame) -> FrameTag {
        var mac = keyed
        frame.withHeaderBytes(isAuthenticated: true) { mac.update(data: $0) }
        mac.update(data: frame.payload)
        return mac.finalize().withUnsafeBytes { FrameTag(truncating: $0) }
    }
}

extension Frame {
    /// This frame with its MAC under `key`, as every frame of an open session travels.
    public func authenticated(with key: SessionKey) -> Frame {
        Frame(checkedHeader: header, payload: payload, tag: key.tag(for: self))
    }

    /// Whether the frame carries a MAC and it is the one `key` computes for it, compared in constant
    /// time.
    public func isAuthentic(under key: SessionKey) -> Bool {
        guard let tag else { return false }
        return key.tag(for: self).matches(tag)
    }
}
