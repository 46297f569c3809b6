import FuzzSupport
import RecordingFormat
import StimDevice
import StimProtocol
import StimSafety

/// A host that builds request frames by hand and hands them straight to a simulated stimulator, as
/// the device's own tests do, so that the fuzzer reaches what the device accepts rather than what
/// `Programmer` would send.
///
/// Everything session-specific (the handshake, how a frame in a session is made) is here, so a change
/// of the protocol's session layer touches only this file.
struct TestHost {
    let device: SimulatedStimulator
    let clock: ManualClock
    private(set) var session = SessionID.none
    private var sequence: UInt32 = 0
    /// The session key, once the handshake has succeeded: every frame of the session carries its MAC.
    private var key: SessionKey?

    /// Monday 2026-01-05 00:00:00Z, where every device's clock starts.
    static let start = Timestamp(year: 2026, month: 1, day: 5)

    /// The keys of every device, from a fixed seed.
    static let keys: DeviceKeyStore = {
        var generator = SeededRandom(seed: 7)
        return DeviceKeyStore.generate(using: &generator)
    }()

    /// A fresh device with `limits` and a manual clock; its session ids and nonces come from a fixed
    /// seed, so two such devices answer the same bytes alike.
    static func device(limits: DeviceLimits, clock: ManualClock = ManualClock(start: start)) -> SimulatedStimulator {
        let configuration = SimulatorConfiguration(
            profileID: "tonic-16", model: "Tonic 16", serial: "IPG-FUZZ", slotCount: 4, limits: limits)
        return SimulatedStimulator(
            configuration: configuration, keys: keys, clock: clock, random: SeededRandom(seed: 8))
    }

    /// A host in an open session in `role` on a fresh device whose clinician has written the limits'
    /// sample program with a patient range into slot 1, activated it and switched therapy on.
    static func prepared(limits: DeviceLimits, role: Role) -> TestHost {
        let clock = ManualClock(start: start)
        let device = device(limits: limits, clock: clock)
        var clinician = TestHost(device: device, clock: clock, role: .clinician)
        if var program = limits.sampleProgram() {
            program.patientRange = PatientRange(min: .zero, max: program.amplitude + program.amplitude)
            for request: Request in [
                .writeProgram(ProgramWrite(slot: 1, program: program)), .activateSlot(1), .setTherapy(true),
            ] {
                guard let record = try? SessionRecord(request) else { continue }
                clinician.send(record)
            }
        }
        return role == .clinician ? clinician : TestHost(device: device, clock: clock, role: role)
    }

    /// Opens and authenticates a session in `role`; an honest handshake the device refuses is a finding.
    private init(device: SimulatedStimulator, clock: ManualClock, role: Role) {
        self.device = device
        self.clock = clock
        guard case .reply(.openSession(let challenge))? = answer(to: .openSession(role), session: .none),
            let key = Self.keys.key(for: role)
        else {
            fuzzExpect(false, "the device refused to open a \(role) session")
            return
        }
        session = challenge.session
        var generator = SeededRandom(seed: 9)
        let hostNonce = Nonce.random(using: &generator)
        let proof = ChallengeResponse.hostProof(
            key: key, role: role, session: challenge.session, deviceNonce: challenge.deviceNonce, hostNonce: hostNonce)
        guard
            case .reply(.authenticate)? = answer(
                to: .authenticate(HostResponse(hostNonce: hostNonce, proof: proof)), session: session)
        else {
            fuzzExpect(false, "the device refused an honest \(role) handshake")
            return
        }
        self.key = SessionKey(
            roleKey: key, role: role, session: challenge.session, deviceNonce: challenge.deviceNonce,
            hostNonce: hostNonce)
    }

    /// The single message the device answers `request` with, as the next request of `session`.
    private mutating func answer(to request: Request, session: SessionID) -> Message? {
        sequence += 1
        guard let frame = try? Frame(request: request, sequence: sequence, session: session) else { return nil }
        var decoder = FrameDecoder()
        var message: Message?
        decoder.decode(device.handle(frameBytes: frame.encoded())) { outcome in
            if case .frame(let reply) = outcome { message = try? reply.message() }
        }
        return message
    }

    /// Sends `record` in the session, after advancing the clock as it asks.
    mutating func send(_ record: SessionRecord) {
        if record.clockAdvanceSeconds > 0 { clock.advance(by: .seconds(record.clockAdvanceSeconds)) }
        let number: UInt32
        switch record.sequence {
        case .next:
            sequence &+= 1
            number = sequence
        case .retry: number = sequence
        case .stale: number = sequence &- 1
        case .jump: number = sequence &+ 1000
        }
        let target = record.isForeignSession ? SessionID(rawValue: session.rawValue &+ 1) : session
        let header = FrameHeader(type: record.type, kind: .request, sequence: number, session: target)
        guard var frame = try? Frame(header: header, payload: record.payload) else { return }
        if let key, record.isAuthenticated { frame = frame.authenticated(with: key) }
        _ = device.handle(frameBytes: frame.encoded())
    }
}
