import StimProtocol
import Testing

@Suite("Challenge and response")
struct ChallengeResponseTests {
    static let key = Samples.key
    static let otherKey = try! DeviceKey(bytes: Array("another key, also thirty-two by.".utf8))

    /// The host proof of the samples, with any of its inputs replaced.
    static func hostProof(
        key: DeviceKey = key, role: Role = .clinician, session: SessionID = Samples.session,
        deviceNonce: Nonce = Samples.deviceNonce, hostNonce: Nonce = Samples.hostNonce
    ) -> AuthenticationCode {
        ChallengeResponse.hostProof(
            key: key, role: role, session: session, deviceNonce: deviceNonce, hostNonce: hostNonce)
    }

    /// Whether `proof` verifies as the samples' host proof, with any of the inputs replaced.
    static func verifiesAsHostProof(
        _ proof: AuthenticationCode, key: DeviceKey = key, role: Role = .clinician,
        session: SessionID = Samples.session,
        deviceNonce: Nonce = Samples.deviceNonce, hostNonce: Nonce = Samples.hostNonce
    ) -> Bool {
        ChallengeResponse.verifyHostProof(
            proof, key: key, role: role, session: session, deviceNonce: deviceNonce, hostNonce: hostNonce)
    }

    @Test("the host proof is HMAC-SHA256 over its label, role, session and both nonces")
    func hostProofKnownAnswer() {
        #expect(Hex.string(Self.hostProof().bytes) == GoldenProofs.host)
    }

    @Test("the device proof is HMAC-SHA256 over its own label and the same fields")
    func deviceProofKnownAnswer() {
        let proof = ChallengeResponse.deviceProof(
            key: Self.key, role: .clinician, session: Samples.session, deviceNonce: Samples.deviceNonce,
            hostNonce: Samples.hostNonce)
        #expect(Hex.string(proof.bytes) == GoldenProofs.device)
    }

    @Test("the right answer verifies")
    func accepts() {
        #expect(Self.verifiesAsHostProof(Self.hostProof(role: .patient), role: .patient))
    }

    @Test("a wrong key, role, session, device nonce or host nonce is refused")
    func refuses() throws {
        let proof = Self.hostProof()
        let otherNonce = try #require(Nonce(bytes: Array(repeating: 0x33, count: 16)))
        #expect(Self.verifiesAsHostProof(proof))
        #expect(!Self.verifiesAsHostProof(proof, key: Self.otherKey))
        #expect(!Self.verifiesAsHostProof(proof, role: .patient))
        #expect(!Self.verifiesAsHostProof(proof, session: SessionID(rawValue: 1)))
        #expect(!Self.verifiesAsHostProof(proof, deviceNonce: otherNonce))
        #expect(!Self.verifiesAsHostProof(proof, hostNonce: otherNonce))
    }

    @Test("a proof with any one bit flipped is refused")
    func flippedBit() throws {
        let proof = Self.hostProof()
        for bit in 0..<(AuthenticationCode.length * 8) {
            var bytes = proof.bytes
            bytes[bit / 8] ^= 1 << UInt8(bit % 8)
            #expect(!Self.verifiesAsHostProof(try #require(AuthenticationCode(bytes: bytes))), "bit \(bit)")
        }
    }

    @Test("the device proof verifies with its inputs and not as a host proof")
    func deviceProofIsNotAHostProof() {
        let proof = ChallengeResponse.deviceProof(
            key: Self.key, role: .clinician, session: Samples.session, deviceNonce: Samples.deviceNonce,
            hostNonce: Samples.hostNonce)
        #expect(
            ChallengeResponse.verifyDeviceProof(
                proof, key: Self.key, role: .clinician, session: Samples.session, deviceNonce: Samples.deviceNonce,
                hostNonce: Samples.hostNonce))
        #expect(
            !ChallengeResponse.verifyDeviceProof(
                proof, key: Self.key, role: .clinician, session: SessionID(rawValue: 1),
                deviceNonce: Samples.deviceNonce, hostNonce: Samples.hostNonce))
        #expect(!Self.verifiesAsHostProof(proof))
        #expect(
            !ChallengeResponse.verifyDeviceProof(
                Self.hostProof(), key: Self.key, role: .clinician, session: Samples.session,
                deviceNonce: Samples.deviceNonce, hostNonce: Samples.hostNonce))
    }

    @Test("keys shorter than 16 bytes are refused")
    func shortKey() {
        #expect(throws: KeyError.tooShort(length: 15, minimum: 16)) {
            try DeviceKey(bytes: Array(repeating: 1, count: 15))
        }
    }

    @Test("nonces, codes and tags exist only at their exact lengths")
    func lengths() {
        #expect(Nonce(bytes: Array(repeating: 0, count: 15)) == nil)
        #expect(Nonce(bytes: Array(repeating: 0, count: 17)) == nil)
        #expect(AuthenticationCode(bytes: Array(repeating: 0, count: 31)) == nil)
        #expect(FrameTag(bytes: Array(repeating: 0, count: 15)) == nil)
        #expect(FrameTag(bytes: Array(repeating: 0, count: 17)) == nil)
        #expect(FrameTag(bytes: Array(0..<16))?.bytes == Array(0..<16))
        var generator = SeededGenerator(seed: 1)
        let first = Nonce.random(using: &generator)
        #expect(first.bytes.count == 16)
        #expect(Nonce.random(using: &generator) != first)
    }
}
