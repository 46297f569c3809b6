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
    /// The session key, once the handshake has succeeded; frames of the session carry its MAC.
    private(set) var key: SessionKey?
    /// The role, and the nonces of the handshake, as they went over the wire in clear.
    private(set) var role = Role.clinician
    private(set) var deviceNonce: Nonce?
    private(set) var hostNonce: Nonce?

    init(device: SimulatedStimulator) {
        self.device = device
    }

    /// Opens and authenticates a session in `role` with `key`, with the host nonce drawn from `seed`.
    static func open(_ device: SimulatedStimulator, role: Role, key: DeviceKey, seed: UInt64 = 99) throws -> RawSession
    {
        var raw = RawSession(device: device)
        guard case .reply(.openSession(let challenge)) = try raw.send(.openSession(role), sequence: 1, session: .none)
        else {
            Issue.record("openSession was refused")
            return raw
        }
        var generator = SeededRandom(seed: seed)
        let hostNonce = Nonce.random(using: &generator)
        let proof = ChallengeResponse.hostProof(
            key: key, role: role, session: challenge.session, deviceNonce: challenge.deviceNonce, hostNonce: hostNonce)
        raw.session = challenge.session
        raw.role = role
        raw.deviceNonce = challenge.deviceNonce
        raw.hostNonce = hostNonce
        let answer = try raw.send(.authenticate(HostResponse(hostNonce: hostNonce, proof: proof)))
        guard case .reply(.authenticate) = answer else {
            Issue.record("authenticate was refused: \(answer)")
            return raw
        }
        raw.key = SessionKey(
            roleKey: key, role: role, session: challenge.session, deviceNonce: challenge.deviceNonce,
            hostNonce: hostNonce)
        return raw
    }

    /// Sends `request` with the next sequence number of the session.
    mutating func send(_ request: Request) throws -> Message {
        defer { nextSequence += 1 }
        return try send(request, sequence: nextSequence, session: session)
    }

    /// Sends `request` with the given number and session; returns the device's answer.
    func send(_ request: Request, sequence: UInt32, session: SessionID) throws -> Message {
        try answer(to: frame(request, sequence: sequence, session: session))
    }

    /// The wire bytes of `request` with the given number and session, with the session's MAC when the
    /// session is open and the request is not part of the handshake.
    func frame(_ request: Request, sequence: UInt32, session: SessionID) throws -> [UInt8] {
        let frame = try Frame(request: request, sequence: sequence, session: session)
        guard let key, !request.type.isHandshake else { return frame.encoded() }
        return frame.authenticated(with: key).encoded()
    }

    /// The wire bytes of `request` with the next sequence number, without sending it.
    func nextFrame(_ request: Request) throws -> [UInt8] {
        try frame(request, sequence: nextSequence, session: session)
    }

    /// The single message the device answers `bytes` with, after checking that an answer in the open
    /// session carries its MAC.
    func answer(to bytes: [UInt8]) throws -> Message {
        let frame = try #require(RawSession.frames(in: device.handle(frameBytes: bytes)).only, "expected one reply")
        if let key, frame.header.session == session, !frame.header.type.isHandshake {
            #expect(frame.isAuthentic(under: key), "the answer to \(frame.header.type) carries no valid MAC")
        }
        return try frame.message()
    }

    /// The frames in `bytes`.
    static func frames(in bytes: [UInt8]) -> [Frame] {
        var decoder = FrameDecoder()
        var frames: [Frame] = []
        decoder.decode(bytes) { outcome in
            if case .frame(let frame) = outcome { frames.append(frame) }
        }
        return frames
    }
}

extension Collection {
    /// The element of a one-element collection, nil otherwise.
    var only: Element? { count == 1 ? first : nil }
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
