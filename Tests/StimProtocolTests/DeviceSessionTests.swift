import StimProtocol
import Testing

@Suite("Device sessions")
struct DeviceSessionTests {
    static let key = ChallengeResponseTests.key

    static func challenged(_ role: Role) -> DeviceSession {
        DeviceSession(id: Samples.session, role: role, deviceNonce: Samples.deviceNonce)
    }

    static func answer(_ role: Role, key: DeviceKey = key) -> HostResponse {
        HostResponse(
            hostNonce: Samples.hostNonce, proof: ChallengeResponseTests.hostProof(key: key, role: role))
    }

    static func opened(_ role: Role) throws -> DeviceSession {
        var session = challenged(role)
        _ = try session.authenticate(answer(role), sequence: 1, key: key)
        return session
    }

    @Test("the right answer opens the session and returns a device proof the host can verify")
    func opens() throws {
        var session = Self.challenged(.clinician)
        #expect(session.key == nil)
        let proof = try session.authenticate(Self.answer(.clinician), sequence: 1, key: Self.key)
        #expect(session.phase == .open)
        #expect(
            ChallengeResponse.verifyDeviceProof(
                proof, key: Self.key, role: .clinician, session: Samples.session, deviceNonce: Samples.deviceNonce,
                hostNonce: Samples.hostNonce))
    }

    @Test("the session key the device derives is the one the host derives")
    func sameSessionKey() throws {
        var session = Self.challenged(.clinician)
        _ = try session.authenticate(Self.answer(.clinician), sequence: 1, key: Self.key)
        let deviceKey = try #require(session.key)
        let frame = try Frame(request: .readState, sequence: 2, session: Samples.session)
        #expect(frame.authenticated(with: deviceKey).isAuthentic(under: Samples.sessionKey))
        #expect(frame.authenticated(with: deviceKey) == frame.authenticated(with: Samples.sessionKey))
        session.close()
        #expect(session.key != nil, "a closed session keeps its key, to sign its refusals")
    }

    @Test("a wrong key closes the session, and the challenge cannot be answered again")
    func wrongKeyCloses() throws {
        var session = Self.challenged(.clinician)
        let otherKey = ChallengeResponseTests.otherKey
        #expect(throws: SessionError.authenticationFailed) {
            try session.authenticate(Self.answer(.clinician, key: otherKey), sequence: 1, key: Self.key)
        }
        #expect(session.phase == .closed)
        #expect(session.key == nil)
        #expect(throws: SessionError.notChallenged) {
            try session.authenticate(Self.answer(.clinician), sequence: 1, key: Self.key)
        }
    }

    @Test("an authenticate request numbered 0 is refused and closes the session")
    func authenticateNumberedZero() {
        var session = Self.challenged(.clinician)
        #expect(throws: SessionError.replayed(.tooOld(0))) {
            try session.authenticate(Self.answer(.clinician), sequence: 0, key: Self.key)
        }
        #expect(session.phase == .closed)
    }

    @Test("a proof made for the patient role does not open a clinician session")
    func roleIsBound() {
        var session = Self.challenged(.clinician)
        #expect(throws: SessionError.authenticationFailed) {
            try session.authenticate(Self.answer(.patient), sequence: 1, key: Self.key)
        }
    }

    @Test("nothing is admitted before authentication or after closing")
    func notOpen() throws {
        var session = Self.challenged(.clinician)
        #expect(throws: SessionError.notOpen) { try session.admit(sequence: 1, type: .readState) }
        session = try Self.opened(.clinician)
        try session.admit(sequence: 2, type: .readState)
        session.close()
        #expect(throws: SessionError.notOpen) { try session.admit(sequence: 3, type: .readState) }
    }

    @Test("an open session refuses replayed numbers, the authenticate request's included")
    func replay() throws {
        var session = try Self.opened(.clinician)
        let authentication = SessionError.replayed(.duplicate(1))
        #expect(throws: authentication) { try session.admit(sequence: 1, type: .readState) }
        try session.admit(sequence: 2, type: .writeProgram)
        let refusal = SessionError.replayed(.duplicate(2))
        #expect(throws: refusal) { try session.admit(sequence: 2, type: .writeProgram) }
        #expect(refusal.errorCode == .replayed)
    }

    @Test("a refused request does not use up its sequence number")
    func refusalKeepsNumber() throws {
        var session = try Self.opened(.patient)
        #expect(throws: SessionError.notPermitted(role: .patient, type: .writeProgram)) {
            try session.admit(sequence: 5, type: .writeProgram)
        }
        try session.admit(sequence: 5, type: .adjustAmplitude)
    }

    @Test(
        "a patient may read, adjust, activate and switch therapy, nothing else",
        arguments: MessageType.known)
    func patientPermissions(type: MessageType) {
        let allowed: Set<MessageType> = [
            .identify, .openSession, .authenticate, .closeSession, .readState, .readBattery, .activateSlot, .setTherapy,
            .adjustAmplitude,
        ]
        #expect(Role.patient.isPermitted(type) == allowed.contains(type))
        #expect(Role.clinician.isPermitted(type))
    }

    @Test("nobody may send a type this version does not know")
    func unknownTypes() {
        for raw in UInt8.min...UInt8.max where !MessageType(rawValue: raw).isKnown {
            #expect(!Role.clinician.isPermitted(MessageType(rawValue: raw)))
            #expect(!Role.patient.isPermitted(MessageType(rawValue: raw)))
        }
    }

    @Test("each session refusal answers with its error code")
    func errorCodes() {
        #expect(SessionError.notChallenged.errorCode == .noSession)
        #expect(SessionError.notOpen.errorCode == .noSession)
        #expect(SessionError.authenticationFailed.errorCode == .authenticationFailed)
        #expect(SessionError.notPermitted(role: .patient, type: .setClock).errorCode == .notPermitted)
    }
}
