import StimDevice
import StimProtocol
import StimSafety
import Testing

@Suite("Replayed and unauthenticated frames")
struct ReplayTests {
    @Test("a repeated request is answered from the cache and not executed again")
    func duplicateAnsweredFromCache() throws {
        let test = try TestDevice()
        let raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        let write = try raw.nextFrame(.writeProgram(ProgramWrite(slot: 1, program: try tonic("3"))))
        let first = test.device.handle(frameBytes: write)
        let events = test.device.snapshot().eventCount
        let again = test.device.handle(frameBytes: write)
        #expect(again == first)
        #expect(test.device.snapshot().eventCount == events)
    }

    @Test("a number used before, with another request, is refused as replayed")
    func reusedNumber() throws {
        let test = try TestDevice()
        var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        let used = raw.nextSequence
        _ = try raw.send(.readBattery)
        let answer = try raw.send(
            .writeProgram(ProgramWrite(slot: 1, program: try tonic("3"))), sequence: used, session: raw.session)
        #expect(answer.errorCode == .replayed)
        #expect(test.device.state().slots[0].program == nil)
        #expect(try raw.send(.readState, sequence: 0, session: raw.session).errorCode == .replayed)
    }

    @Test("a frame delayed past a later request never acts")
    func lateFrame() throws {
        let test = try TestDevice()
        var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        let late = try raw.frame(
            .writeProgram(ProgramWrite(slot: 1, program: try tonic("3"))), sequence: raw.nextSequence + 1,
            session: raw.session)
        _ = try raw.send(.readState)
        _ = try raw.send(.readBattery)
        _ = try raw.send(.readState)
        #expect(try raw.answer(to: late).errorCode == .replayed)
        #expect(test.device.state().slots[0].program == nil)
    }

    @Test("frames outside an authenticated session are refused")
    func unauthenticated() throws {
        let test = try TestDevice()
        let raw = RawSession(device: test.device)
        let write = Request.writeProgram(ProgramWrite(slot: 1, program: try tonic("3")))
        #expect(try raw.send(write, sequence: 1, session: .none).errorCode == .noSession)
        #expect(try raw.send(write, sequence: 1, session: SessionID(rawValue: 12345)).errorCode == .noSession)
        // Reserved but never authenticated.
        guard
            case .reply(.openSession(let challenge)) = try raw.send(
                .openSession(.clinician), sequence: 1, session: .none)
        else {
            Issue.record("openSession refused")
            return
        }
        #expect(try raw.send(write, sequence: 1, session: challenge.session).errorCode == .noSession)
        // One wrong proof closes the reserved session.
        let wrong = try DeviceKey(bytes: [UInt8](repeating: 1, count: 32))
        var generator = SeededRandom(seed: 3)
        let hostNonce = Nonce.random(using: &generator)
        let proof = ChallengeResponse.hostProof(
            key: wrong, role: .clinician, session: challenge.session, deviceNonce: challenge.deviceNonce,
            hostNonce: hostNonce)
        let response = Request.authenticate(HostResponse(hostNonce: hostNonce, proof: proof))
        #expect(try raw.send(response, sequence: 1, session: challenge.session).errorCode == .authenticationFailed)
        let right = ChallengeResponse.hostProof(
            key: try test.key(.clinician), role: .clinician, session: challenge.session,
            deviceNonce: challenge.deviceNonce, hostNonce: hostNonce)
        let retry = Request.authenticate(HostResponse(hostNonce: hostNonce, proof: right))
        #expect(try raw.send(retry, sequence: 2, session: challenge.session).errorCode == .noSession)
        #expect(test.device.state().slots[0].program == nil)
    }

    @Test("a closed session refuses everything, late frames included")
    func closedSession() throws {
        let test = try TestDevice()
        var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        let late = try raw.frame(
            .writeProgram(ProgramWrite(slot: 1, program: try tonic("3"))), sequence: raw.nextSequence + 1,
            session: raw.session)
        #expect(try raw.send(.closeSession) == .reply(.closeSession))
        #expect(try raw.answer(to: late).errorCode == .noSession)
        #expect(try raw.send(.readState).errorCode == .noSession)
        #expect(test.device.snapshot().openSessionCount == 0)
    }

    @Test("a session in one role is refused a key of the other")
    func roleBoundKeys() throws {
        let test = try TestDevice()
        let raw = RawSession(device: test.device)
        guard
            case .reply(.openSession(let challenge)) = try raw.send(
                .openSession(.clinician), sequence: 1, session: .none)
        else { return }
        var generator = SeededRandom(seed: 5)
        let hostNonce = Nonce.random(using: &generator)
        let proof = ChallengeResponse.hostProof(
            key: try test.key(.patient), role: .clinician, session: challenge.session,
            deviceNonce: challenge.deviceNonce, hostNonce: hostNonce)
        let answer = try raw.send(
            .authenticate(HostResponse(hostNonce: hostNonce, proof: proof)), sequence: 1, session: challenge.session)
        #expect(answer.errorCode == .authenticationFailed)
    }
}
