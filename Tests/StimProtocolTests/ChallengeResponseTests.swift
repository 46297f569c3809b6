import StimProtocol
import Testing

@Suite("Challenge and response")
struct ChallengeResponseTests {
    static let key = try! DeviceKey(bytes: Array("a device key of thirty-two bytes".utf8))
    static let otherKey = try! DeviceKey(bytes: Array("another key, also thirty-two by.".utf8))
    static let deviceNonce = Samples.deviceNonce
    static let hostNonce = Samples.hostNonce

    @Test("the host proof is HMAC-SHA256 over device nonce, role and host nonce")
    func hostProofKnownAnswer() {
        let proof = ChallengeResponse.hostProof(
            key: Self.key, deviceNonce: Self.deviceNonce, role: .clinician, hostNonce: Self.hostNonce)
        #expect(Hex.string(proof.bytes) == GoldenProofs.host)
    }

    @Test("the device proof covers host nonce, role, device nonce and session id")
    func deviceProofKnownAnswer() {
        let proof = ChallengeResponse.deviceProof(
            key: Self.key, hostNonce: Self.hostNonce, role: .clinician, deviceNonce: Self.deviceNonce,
            session: Samples.session)
        #expect(Hex.string(proof.bytes) == GoldenProofs.device)
    }

    @Test("the right answer verifies")
    func accepts() {
        let proof = ChallengeResponse.hostProof(
            key: Self.key, deviceNonce: Self.deviceNonce, role: .patient, hostNonce: Self.hostNonce)
        #expect(
            ChallengeResponse.verifyHostProof(
                proof, key: Self.key, deviceNonce: Self.deviceNonce, role: .patient, hostNonce: Self.hostNonce))
    }

    @Test("a wrong key, role, device nonce or host nonce is refused")
    func refuses() throws {
        let proof = ChallengeResponse.hostProof(
            key: Self.key, deviceNonce: Self.deviceNonce, role: .patient, hostNonce: Self.hostNonce)
        let otherNonce = try #require(Nonce(bytes: Array(repeating: 0x33, count: 16)))
        #expect(
            !ChallengeResponse.verifyHostProof(
                proof, key: Self.otherKey, deviceNonce: Self.deviceNonce, role: .patient, hostNonce: Self.hostNonce))
        #expect(
            !ChallengeResponse.verifyHostProof(
                proof, key: Self.key, deviceNonce: Self.deviceNonce, role: .clinician, hostNonce: Self.hostNonce))
        #expect(
            !ChallengeResponse.verifyHostProof(
                proof, key: Self.key, deviceNonce: otherNonce, role: .patient, hostNonce: Self.hostNonce))
        #expect(
            !ChallengeResponse.verifyHostProof(
                proof, key: Self.key, deviceNonce: Self.deviceNonce, role: .patient, hostNonce: otherNonce))
    }

    @Test("a proof with any one bit flipped is refused")
    func flippedBit() throws {
        let proof = ChallengeResponse.hostProof(
            key: Self.key, deviceNonce: Self.deviceNonce, role: .clinician, hostNonce: Self.hostNonce)
        for index in 0..<AuthenticationCode.length {
            var bytes = proof.bytes
            bytes[index] ^= 0x80
            let damaged = try #require(AuthenticationCode(bytes: bytes))
            #expect(
                !ChallengeResponse.verifyHostProof(
                    damaged, key: Self.key, deviceNonce: Self.deviceNonce, role: .clinician,
                    hostNonce: Self.hostNonce))
        }
    }

    @Test("the device proof verifies with its inputs and not as a host proof")
    func deviceProofIsNotAHostProof() {
        let proof = ChallengeResponse.deviceProof(
            key: Self.key, hostNonce: Self.hostNonce, role: .clinician, deviceNonce: Self.deviceNonce,
            session: Samples.session)
        #expect(
            ChallengeResponse.verifyDeviceProof(
                proof, key: Self.key, hostNonce: Self.hostNonce, role: .clinician, deviceNonce: Self.deviceNonce,
                session: Samples.session))
        #expect(
            !ChallengeResponse.verifyDeviceProof(
                proof, key: Self.key, hostNonce: Self.hostNonce, role: .clinician, deviceNonce: Self.deviceNonce,
                session: SessionID(rawValue: 1)))
        #expect(
            !ChallengeResponse.verifyHostProof(
                proof, key: Self.key, deviceNonce: Self.hostNonce, role: .clinician, hostNonce: Self.deviceNonce))
    }

    @Test("keys shorter than 16 bytes are refused")
    func shortKey() {
        #expect(throws: KeyError.tooShort(length: 15, minimum: 16)) {
            try DeviceKey(bytes: Array(repeating: 1, count: 15))
        }
    }

    @Test("nonces and codes exist only at their exact lengths")
    func lengths() {
        #expect(Nonce(bytes: Array(repeating: 0, count: 15)) == nil)
        #expect(Nonce(bytes: Array(repeating: 0, count: 17)) == nil)
        #expect(AuthenticationCode(bytes: Array(repeating: 0, count: 31)) == nil)
        var generator = SeededGenerator(seed: 1)
        let first = Nonce.random(using: &generator)
        #expect(first.bytes.count == 16)
        #expect(Nonce.random(using: &generator) != first)
    }
}
