import Logging
import StimProtocol
import StimSafety

extension DeviceCore {
    /// Decodes `bytes` with `decoder` and answers every request frame; `finishing` says the bytes end
    /// the stream (a whole USB transfer, one in-process send), so an unfinished frame is dropped.
    /// Returns the encoded replies, in order.
    mutating func respond(to bytes: some Collection<UInt8>, decoder: inout FrameDecoder, finishing: Bool) -> [UInt8] {
        var replies: [UInt8] = []
        decoder.decode(bytes) { outcome in answer(outcome, into: &replies) }
        if finishing {
            decoder.finish { outcome in answer(outcome, into: &replies) }
        }
        return replies
    }

    /// Answers one decoder outcome: a frame, or an intact request of a type the device does not know.
    /// Everything else (bad CRC, bad header, truncation) cannot be answered, since its header cannot be
    /// trusted, and is dropped.
    private mutating func answer(_ outcome: FrameDecoder.Outcome, into replies: inout [UInt8]) {
        switch outcome {
        case .frame(let frame):
            if let reply = respond(to: frame) {
                replies.append(contentsOf: reply)
            } else {
                droppedFrameCount += 1
            }
        case .failure(.unknownMessageType(let header)) where header.kind == .request:
            // Its MAC, if any, went with the frame: the refusal is unauthenticated and changes nothing.
            let code: ErrorCode = header.version == Frame.protocolVersion ? .unknownMessageType : .unsupportedVersion
            replies.append(contentsOf: frameBytes(.failure(ErrorReply(code: code)), answering: header))
        case .failure(let error):
            droppedFrameCount += 1
            logger.debug("dropped bytes: \(error)")
        case .needMoreBytes:
            break
        }
    }

    /// The encoded answer to one frame, nil for frames a device does not answer (replies).
    ///
    /// The checks come in the protocol's order (`docs/protocol.md` §4, "What the device checks, in
    /// which order"): version, then for a session frame the MAC, before anything looks at the
    /// session's numbers or state; only a frame whose MAC verifies may change the session.
    private mutating func respond(to frame: Frame) -> [UInt8]? {
        let header = frame.header
        guard header.kind == .request else { return nil }
        guard header.version == Frame.protocolVersion else { return refuseVersion(of: header) }
        guard header.type.isHandshake else { return respondInSession(frame) }
        guard frame.tag == nil else {
            return frameBytes(.failure(ErrorReply(code: .malformedPayload)), answering: header)
        }
        switch header.type {
        case .identify:
            guard frame.payload.isEmpty else {
                return frameBytes(.failure(ErrorReply(code: .malformedPayload)), answering: header)
            }
            return frameBytes(.success(.identify(identity)), answering: header)
        case .openSession:
            guard case .openSession(let role)? = try? Request(type: header.type, payload: frame.payload) else {
                return frameBytes(.failure(ErrorReply(code: .malformedPayload)), answering: header)
            }
            let challenge = sessions.reserve(role: role, using: &random)
            logger.info("session \(challenge.session.rawValue) reserved for \(role)")
            return frameBytes(.success(.openSession(challenge)), answering: header)
        default:
            return authenticate(frame)
        }
    }

    /// A request in a session: refused unless its session has a key and its MAC verifies under it;
    /// then a retry is answered from the cache; otherwise the payload must decode, the session must
    /// admit the request (open, permitted, new number), and then it is executed and its answer cached.
    private mutating func respondInSession(_ frame: Frame) -> [UInt8] {
        let header = frame.header
        guard var entry = sessions.entries[header.session], let key = entry.session.key else {
            return frameBytes(.failure(ErrorReply(code: .noSession)), answering: header)
        }
        guard frame.isAuthentic(under: key) else {
            logger.debug(
                "\(header.type) #\(header.sequence) in session \(header.session.rawValue): MAC missing or wrong")
            return frameBytes(.failure(ErrorReply(code: .unauthenticated)), answering: header)
        }
        let fingerprint = [header.type.rawValue] + frame.payload
        if let cached = sessions.cachedReply(session: header.session, sequence: header.sequence, request: fingerprint) {
            return cached
        }
        let request: Request
        do {
            request = try Request(type: header.type, payload: frame.payload)
        } catch {
            return frameBytes(.failure(ErrorReply(code: .malformedPayload)), answering: header, key: key)
        }
        do {
            try entry.session.admit(sequence: header.sequence, type: header.type)
        } catch {
            logger.debug("\(header.type) refused in session \(header.session.rawValue): \(error)")
            return frameBytes(.failure(ErrorReply(code: error.errorCode)), answering: header, key: key)
        }
        sessions.update(entry)
        let reply = frameBytes(
            execute(request, role: entry.session.role, session: header.session), answering: header, key: key)
        sessions.cache(session: header.session, sequence: header.sequence, request: fingerprint, reply: reply)
        return reply
    }

    /// The authenticate request: answered from the cache when it is a retry; otherwise only a session
    /// waiting for it may take it, and a wrong proof ends that handshake.
    private mutating func authenticate(_ frame: Frame) -> [UInt8] {
        let header = frame.header
        guard let entry = sessions.entries[header.session] else {
            return frameBytes(.failure(ErrorReply(code: .noSession)), answering: header)
        }
        let fingerprint = [header.type.rawValue] + frame.payload
        if let cached = sessions.cachedReply(session: header.session, sequence: header.sequence, request: fingerprint) {
            return cached
        }
        guard entry.session.isChallenged else {
            return frameBytes(.failure(ErrorReply(code: .noSession)), answering: header)
        }
        guard case .authenticate(let response)? = try? Request(type: header.type, payload: frame.payload) else {
            return frameBytes(.failure(ErrorReply(code: .malformedPayload)), answering: header)
        }
        var session = entry.session
        do throws(SessionError) {
            guard let key = keys.key(for: session.role) else { throw SessionError.authenticationFailed }
            let proof = try session.authenticate(response, sequence: header.sequence, key: key)
            logger.info("session \(header.session.rawValue) open for \(session.role)")
            var opened = entry
            opened.session = session
            sessions.update(opened)
            let reply = frameBytes(.success(.authenticate(deviceProof: proof)), answering: header)
            sessions.cache(session: header.session, sequence: header.sequence, request: fingerprint, reply: reply)
            return reply
        } catch {
            logger.info("session \(header.session.rawValue) refused: \(error)")
            sessions.remove(header.session)
            return frameBytes(.failure(ErrorReply(code: error.errorCode)), answering: header)
        }
    }

    /// A frame of another protocol version, refused in that version's layout so that its host can read
    /// the refusal: identify gets an identify reply naming the version this device speaks, anything
    /// else `unsupportedVersion`.
    private func refuseVersion(of header: FrameHeader) -> [UInt8] {
        logger.info("refused a protocol version \(header.version) \(header.type) request")
        guard header.type == .identify else {
            return frameBytes(.failure(ErrorReply(code: .unsupportedVersion)), answering: header)
        }
        return frameBytes(.success(.identify(identity)), answering: header)
    }

    /// The encoded answer to the request `header`, in its protocol version; with `key`, authenticated
    /// under it. A reply that cannot be encoded becomes an `internalFault` refusal.
    private func frameBytes(
        _ answer: Result<Reply, ErrorReply>, answering header: FrameHeader, key: SessionKey? = nil
    ) -> [UInt8] {
        var frame: Frame
        switch answer {
        case .success(let reply):
            do {
                frame = try Frame(
                    reply: reply, sequence: header.sequence, session: header.session, version: header.version)
            } catch {
                logger.error("cannot encode the \(header.type) reply: \(error)")
                return frameBytes(.failure(ErrorReply(code: .internalFault)), answering: header, key: key)
            }
        case .failure(let refusal):
            // An error reply is a code and at most 24 rules, which always encodes.
            guard let refusalFrame = try? Frame(error: refusal, answering: header) else { return [] }
            frame = refusalFrame
        }
        return (key.map(frame.authenticated(with:)) ?? frame).encoded()
    }
}
