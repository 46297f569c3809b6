import StimDevice
import StimProtocol
import StimSafety
import Testing

/// A host that bypasses `Programmer`: builds frames by hand and hands them straight to the device, to
/// show what the device itself accepts and refuses.
struct RawSession {
    let device: SimulatedStimulator
    private(set) var session = SessionID.none
    private(set) var nextSequence: UInt32 = 1

    init(device: SimulatedStimulator) {
        self.device = device
    }

    /// Opens and authenticates a session in `role` with `key`.
    static func open(_ device: SimulatedStimulator, role: Role, key: DeviceKey) throws -> RawSession {
        var raw = RawSession(device: device)
        guard case .reply(.openSession(let challenge)) = try raw.send(.openSession(role), sequence: 1, session: .none)
        else {
            Issue.record("openSession was refused")
            return raw
        }
        var generator = SeededRandom(seed: 99)
        let hostNonce = Nonce.random(using: &generator)
        let proof = ChallengeResponse.hostProof(
            key: key, deviceNonce: challenge.deviceNonce, role: role, hostNonce: hostNonce)
        raw.session = challenge.session
        let answer = try raw.send(.authenticate(HostResponse(hostNonce: hostNonce, proof: proof)))
        guard case .reply(.authenticate) = answer else {
            Issue.record("authenticate was refused: \(answer)")
            return raw
        }
        return raw
    }

    /// Sends `request` with the next sequence number of the session.
    mutating func send(_ request: Request) throws -> Message {
        defer { nextSequence += 1 }
        return try send(request, sequence: nextSequence, session: session)
    }

    /// Sends `request` with the given number and session; returns the device's answer.
    func send(_ request: Request, sequence: UInt32, session: SessionID) throws -> Message {
        try answer(to: Frame(request: request, sequence: sequence, session: session).encoded())
    }

    /// The single message the device answers `bytes` with.
    func answer(to bytes: [UInt8]) throws -> Message {
        let replies = device.handle(frameBytes: bytes)
        var decoder = FrameDecoder()
        var frames: [Frame] = []
        decoder.decode(replies) { outcome in
            if case .frame(let frame) = outcome { frames.append(frame) }
        }
        let frame = try #require(frames.count == 1 ? frames.first : nil, "expected one reply, got \(frames.count)")
        return try frame.message()
    }
}

extension Message {
    /// The error code, when the message is an error reply.
    var errorCode: ErrorCode? {
        if case .error(let reply) = self { return reply.code }
        return nil
    }

    /// The rule ids of an error reply.
    var rules: [RuleID] {
        if case .error(let reply) = self { return reply.rules }
        return []
    }
}
