import Logging
import StimProtocol

/// The host end of the wire under a `Programmer`: numbers requests, frames them (with the session
/// key's MAC inside the session), sends them over the transport, picks the matching answer out of what
/// comes back and checks its MAC, and retries with the same number when none comes. Also runs the
/// session handshake and derives the session key.
///
/// Used by one operation at a time (the programmer serialises them).
actor FrameLink {
    let transport: any Transport
    let configuration: ProgrammerConfiguration
    private let logger: Logger
    private var decoder = FrameDecoder()
    /// Received bytes the decoder had no room for yet.
    private var pending: [UInt8] = []
    /// The numbers of requests outside sessions, which the device only echoes.
    private var sessionlessSequence: UInt32 = 0
    /// The open session, `.none` before the handshake and after closing.
    private(set) var session = SessionID.none
    /// The open session's key, which signs every request and must have signed every answer.
    private var sessionKey: SessionKey?
    private var nextSequence: UInt32 = 1

    init(transport: any Transport, configuration: ProgrammerConfiguration, logger: Logger) {
        self.transport = transport
        self.configuration = configuration
        self.logger = logger
    }

    /// Sends `request` and returns the device's reply; an error reply throws `deviceRejected`, and an
    /// answer in the session without the session key's MAC throws `unauthenticatedReply`.
    func exchange(_ request: Request) async throws(ProgrammerError) -> Reply {
        let isSessionless = request.type == .identify || request.type == .openSession
        let sequence: UInt32
        let frameSession: SessionID
        if isSessionless {
            sessionlessSequence &+= 1
            sequence = sessionlessSequence
            frameSession = .none
        } else {
            guard session != .none else { throw .closed }
            guard nextSequence < UInt32.max else { throw .closed }
            sequence = nextSequence
            nextSequence += 1
            frameSession = session
        }
        let key = request.type.isHandshake ? nil : sessionKey
        guard key != nil || request.type.isHandshake else { throw .closed }
        let bytes: [UInt8]
        do {
            let frame = try Frame(request: request, sequence: sequence, session: frameSession)
            bytes = (key.map(frame.authenticated(with:)) ?? frame).encoded()
        } catch {
            throw .unencodable(error)
        }
        for attempt in 1...configuration.attempts {
            if attempt > 1 {
                // A partial frame left from before the timeout is stale or damaged; start clean.
                decoder = FrameDecoder()
                pending = []
                logger.debug("retrying \(request.type) #\(sequence) (attempt \(attempt))")
            }
            try await send(bytes)
            let deadline = ContinuousClock.now.advanced(by: configuration.replyTimeout)
            while let frame = try await nextFrame(until: deadline) {
                let header = frame.header
                guard header.sequence == sequence, header.session == frameSession, header.type == request.type,
                    header.version == Frame.protocolVersion
                else {
                    continue
                }
                if let key {
                    guard frame.isAuthentic(under: key) else {
                        logger.warning("\(request.type) #\(sequence): an answer without the session's MAC")
                        throw .unauthenticatedReply(request.type)
                    }
                } else if frame.tag != nil {
                    throw .invalidReply("the \(request.type) answer carries a MAC, which the handshake has none of")
                }
                switch try? frame.message() {
                case .reply(let reply): return reply
                case .error(let refusal): throw .deviceRejected(refusal.code, rules: refusal.rules)
                default: continue
                }
            }
        }
        logger.debug("\(request.type) #\(sequence): no answer after \(configuration.attempts) attempts")
        throw .timeout
    }

    private func send(_ bytes: [UInt8]) async throws(ProgrammerError) {
        do {
            try await transport.send(bytes)
        } catch {
            throw Self.programmerError(error)
        }
    }

    /// The next frame from the device before `deadline`, nil when the deadline passes first. Damaged
    /// bytes are skipped.
    private func nextFrame(until deadline: ContinuousClock.Instant) async throws(ProgrammerError) -> Frame? {
        while true {
            switch decoder.next() {
            case .frame(let frame):
                if frame.header.kind != .request { return frame }
                continue
            case .failure:
                continue
            case .needMoreBytes:
                break
            }
            if !pending.isEmpty {
                pending.removeFirst(decoder.feed(pending))
                continue
            }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return nil }
            do {
                pending = try await transport.receive(timeout: remaining)
            } catch .timeout {
                return nil
            } catch .closed {
                // Closed under a request in flight: the request may have arrived, as with an unplug.
                throw .disconnected
            } catch {
                throw Self.programmerError(error)
            }
        }
    }

    private static func programmerError(_ error: TransportError) -> ProgrammerError {
        switch error {
        case .timeout: .timeout
        case .disconnected: .disconnected
        case .closed: .closed
        case .cancelled: .cancelled
        }
    }

    /// Opens and authenticates a session in `role` with `key`; the device must prove it holds the key
    /// too. Both sides then derive the session key. A handshake that other handshakes displaced on the
    /// device (`noSession`) starts over, as many times as a request is attempted.
    func openSession(role: Role, key: DeviceKey) async throws(ProgrammerError) {
        for attempt in 1...configuration.attempts {
            do {
                try await handshake(role: role, key: key)
                return
            } catch .deviceRejected(.noSession, _) where attempt < configuration.attempts {
                logger.debug("handshake displaced on the device; starting over")
            } catch .deviceRejected(let code, _) where code == .authenticationFailed || code == .noSession {
                throw .unauthorized
            }
        }
    }

    /// One openSession and authenticate exchange.
    private func handshake(role: Role, key: DeviceKey) async throws(ProgrammerError) {
        session = .none
        sessionKey = nil
        guard case .openSession(let challenge) = try await exchange(.openSession(role)) else {
            throw .invalidReply("openSession answered with another reply")
        }
        session = challenge.session
        nextSequence = 1
        var random = SystemRandomNumberGenerator()
        let hostNonce = Nonce.random(using: &random)
        let proof = ChallengeResponse.hostProof(
            key: key, role: role, session: challenge.session, deviceNonce: challenge.deviceNonce, hostNonce: hostNonce)
        let reply: Reply
        do {
            reply = try await exchange(.authenticate(HostResponse(hostNonce: hostNonce, proof: proof)))
        } catch {
            session = .none
            throw error
        }
        guard case .authenticate(let deviceProof) = reply,
            ChallengeResponse.verifyDeviceProof(
                deviceProof, key: key, role: role, session: challenge.session, deviceNonce: challenge.deviceNonce,
                hostNonce: hostNonce)
        else {
            session = .none
            throw .unauthorized
        }
        sessionKey = SessionKey(
            roleKey: key, role: role, session: challenge.session, deviceNonce: challenge.deviceNonce,
            hostNonce: hostNonce)
        logger.info("session \(challenge.session.rawValue) open as \(role)")
    }

    /// Closes the session; afterwards the device refuses every frame that names it. A device that no
    /// longer knows the session counts as closed.
    func closeSession() async throws(ProgrammerError) {
        guard session != .none else { return }
        do {
            _ = try await exchange(.closeSession)
        } catch .deviceRejected(.noSession, _) {
            // Already gone on the device.
        }
        session = .none
        sessionKey = nil
    }
}
