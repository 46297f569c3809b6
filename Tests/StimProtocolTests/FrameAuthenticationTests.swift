import StimProtocol
import Testing

@Suite("Frame authentication")
struct FrameAuthenticationTests {
    static let frame = try! Frame(request: .setTherapy(true), sequence: 8, session: Samples.session)

    /// The session key of the samples with any of its inputs replaced.
    static func sessionKey(
        key: DeviceKey = Samples.key, role: Role = .clinician, session: SessionID = Samples.session,
        deviceNonce: Nonce = Samples.deviceNonce, hostNonce: Nonce = Samples.hostNonce
    ) -> SessionKey {
        SessionKey(roleKey: key, role: role, session: session, deviceNonce: deviceNonce, hostNonce: hostNonce)
    }

    @Test("a signed frame verifies, and puts its MAC between payload and CRC with flags bit 2 set")
    func signedFrameVerifies() throws {
        let signed = Self.frame.authenticated(with: Samples.sessionKey)
        #expect(signed.isAuthentic(under: Samples.sessionKey))
        let bytes = signed.encoded()
        #expect(bytes.count == 16 + 1 + 16 + 4)
        #expect(bytes[4] == 0x04)
        #expect(Array(bytes[17..<33]) == signed.tag?.bytes)
        #expect(Decoding.all(bytes) == [.frame(signed)])
    }

    @Test("a frame without a MAC is never authentic")
    func unsignedFrame() {
        #expect(!Self.frame.isAuthentic(under: Samples.sessionKey))
    }

    @Test(
        "a MAC under a key of another role key, role, session, device nonce or host nonce does not verify",
        arguments: 0..<5)
    func otherKeys(variant: Int) throws {
        let other = try #require(Nonce(bytes: Array(repeating: 0x5A, count: 16)))
        let key: SessionKey =
            switch variant {
            case 0: Self.sessionKey(key: try DeviceKey(bytes: Array("another key, also thirty-two by.".utf8)))
            case 1: Self.sessionKey(role: .patient)
            case 2: Self.sessionKey(session: SessionID(rawValue: 0x0A0B_0C0E))
            case 3: Self.sessionKey(deviceNonce: other)
            default: Self.sessionKey(hostNonce: other)
            }
        #expect(!Self.frame.authenticated(with: key).isAuthentic(under: Samples.sessionKey))
        #expect(Self.frame.authenticated(with: Self.sessionKey()).isAuthentic(under: Samples.sessionKey))
    }

    @Test("the MAC covers every header field, direction included, and the payload: change one and it fails")
    func coversHeaderAndPayload() throws {
        let signed = Self.frame.authenticated(with: Samples.sessionKey)
        let header = signed.header
        var changed: [FrameHeader] = []
        for change in 0..<5 {
            var other = header
            switch change {
            case 0: other.type = .activateSlot
            case 1: other.kind = .reply
            case 2: other.sequence = header.sequence + 1
            case 3: other.session = SessionID(rawValue: header.session.rawValue ^ 1)
            default: other.kind = .error
            }
            changed.append(other)
        }
        for other in changed {
            let forged = try Frame(header: other, payload: signed.payload, tag: signed.tag)
            #expect(!forged.isAuthentic(under: Samples.sessionKey), "\(other)")
        }
        for payload in [[0x00], [0x01, 0x00], []] as [[UInt8]] {
            let forged = try Frame(header: header, payload: payload, tag: signed.tag)
            #expect(!forged.isAuthentic(under: Samples.sessionKey), "payload \(payload)")
        }
    }

    @Test("any single flipped bit of the MAC fails, and tags match only themselves")
    func flippedTagBits() throws {
        let signed = Self.frame.authenticated(with: Samples.sessionKey)
        let tag = try #require(signed.tag)
        #expect(tag.matches(tag))
        for bit in 0..<(FrameTag.length * 8) {
            var bytes = tag.bytes
            bytes[bit / 8] ^= 1 << UInt8(bit % 8)
            let flipped = try #require(FrameTag(bytes: bytes))
            #expect(!tag.matches(flipped), "bit \(bit)")
            #expect(
                !(try Frame(header: signed.header, payload: signed.payload, tag: flipped)).isAuthentic(
                    under: Samples.sessionKey))
        }
    }
}
