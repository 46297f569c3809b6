import StimProtocol
import StimSafety
import Synchronization
import Testing

@testable import StimDevice

@Suite("Who may hold a session")
struct SessionPolicyTests {
    /// Sends openSession for `role` `count` times, as a peer without a key can; returns the challenges.
    static func flood(_ device: SimulatedStimulator, count: Int, role: Role = .clinician) throws -> [SessionChallenge] {
        let raw = RawSession(device: device)
        return try (0..<count).map { index in
            guard
                case .reply(.openSession(let challenge)) = try raw.send(
                    .openSession(role), sequence: UInt32(index + 1), session: .none)
            else { throw ErrorReply(code: .internalFault) }
            return challenge
        }
    }

    /// Every authenticated session the device holds, with its replay window, reply cache and last use.
    static func openSessions(_ device: SimulatedStimulator) -> [String] {
        device.core.withLock { core in
            core.sessions.entries.values.filter { $0.session.phase == .open }.map { String(reflecting: $0) }.sorted()
        }
    }

    /// The authenticate request answering `challenge` with `key`.
    static func answer(_ challenge: SessionChallenge, role: Role, key: DeviceKey) -> Request {
        var generator = SeededRandom(seed: UInt64(challenge.session.rawValue))
        let hostNonce = Nonce.random(using: &generator)
        let proof = ChallengeResponse.hostProof(
            key: key, role: role, session: challenge.session, deviceNonce: challenge.deviceNonce, hostNonce: hostNonce)
        return .authenticate(HostResponse(hostNonce: hostNonce, proof: proof))
    }

    @Test("a flood of openSession from a peer without the key never touches an authenticated session")
    func floodLeavesOpenSessionsAlone() throws {
        let test = try TestDevice()
        var owner = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        _ = try owner.send(.writeProgram(ProgramWrite(slot: 1, program: try tonic("3"))))
        let openBefore = Self.openSessions(test.device)
        _ = try Self.flood(test.device, count: 500)
        _ = try Self.flood(test.device, count: 500, role: .patient)
        #expect(Self.openSessions(test.device) == openBefore)
        let pending = test.device.core.withLock { core in
            core.sessions.entries.values.count(where: \.session.isChallenged)
        }
        #expect(pending == test.device.core.withLock { $0.configuration.maximumPendingSessions })
        #expect(try owner.send(.activateSlot(1)) == .reply(.activateSlot))
    }

    @Test("pending handshakes are bounded: one more drops the oldest, whose host must start over")
    func pendingHandshakesAreBounded() throws {
        let test = try TestDevice { $0.maximumPendingSessions = 3 }
        let key = try test.key(.clinician)
        let challenges = try Self.flood(test.device, count: 4)
        let raw = RawSession(device: test.device)
        let oldest = try raw.send(
            Self.answer(challenges[0], role: .clinician, key: key), sequence: 1, session: challenges[0].session)
        #expect(oldest.errorCode == .noSession)
        for challenge in challenges.dropFirst() {
            let answer = try raw.send(
                Self.answer(challenge, role: .clinician, key: key), sequence: 1, session: challenge.session)
            guard case .reply(.authenticate) = answer else {
                Issue.record("a handshake within the bound was refused: \(answer)")
                continue
            }
        }
        #expect(test.device.snapshot().openSessionCount == 3)
    }

    @Test("two clinicians may hold sessions at once, and each sees the other's writes")
    func twoClinicians() async throws {
        let test = try TestDevice()
        let first = try await test.connect()
        let second = try await test.connect()
        try await first.write(try tonic("3"), to: 1)
        try await second.write(try tonic("4"), to: 2)
        try await first.activate(slot: 2)
        let state = try await second.readState()
        #expect(state.activeSlot == 2)
        #expect(state.slots[0].program == (try tonic("3")))
        #expect(test.device.snapshot().openSessionCount == 2)
        await first.close()
        await second.close()
    }

    @Test("one clinician session too many ends the least recently used clinician's, never a patient's")
    func leastRecentlyUsedOfTheRoleMakesRoom() throws {
        let test = try TestDevice { $0.maximumOpenSessionsPerRole = 2 }
        var patient = try RawSession.open(test.device, role: .patient, key: test.key(.patient), seed: 1)
        var idle = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician), seed: 2)
        var busy = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician), seed: 3)
        _ = try busy.send(.readState)
        var newcomer = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician), seed: 4)
        // The idle clinician's session was closed; the device still signs the refusal with its key.
        #expect(try idle.send(.readState).errorCode == .noSession)
        #expect(try busy.send(.readBattery) != .error(ErrorReply(code: .noSession)))
        #expect(try newcomer.send(.readBattery) != .error(ErrorReply(code: .noSession)))
        #expect(try patient.send(.readBattery) != .error(ErrorReply(code: .noSession)))
        #expect(test.device.snapshot().openSessionCount == 3)
    }
}
