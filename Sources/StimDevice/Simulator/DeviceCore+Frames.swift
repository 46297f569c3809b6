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
            replies.append(contentsOf: errorFrame(.unknownMessageType, answering: header))
        case .failure(let error):
            droppedFrameCount += 1
            logger.debug("dropped bytes: \(error)")
        case .needMoreBytes:
            break
        }
    }

    /// The encoded answer to one frame, nil for frames a device does not answer (replies).
    mutating func respond(to frame: Frame) -> [UInt8]? {
        let header = frame.header
        guard header.kind == .request else { return nil }
        switch header.type {
        case .identify:
            guard frame.payload.isEmpty else { return errorFrame(.malformedPayload, answering: header) }
            return replyFrame(.identify(identity), answering: header)
        case .openSession:
            guard case .openSession(let role)? = try? Request(type: header.type, payload: frame.payload) else {
                return errorFrame(.malformedPayload, answering: header)
            }
            let challenge = sessions.reserve(role: role, using: &random)
            logger.info("session \(challenge.session.rawValue) reserved for \(role)")
            return replyFrame(.openSession(challenge), answering: header)
        default:
            return respondInSession(frame)
        }
    }

    /// A request in a session: a retry is answered from the cache; otherwise the payload must decode,
    /// the session must admit the request (open, permitted, new number), and then it is executed and
    /// its answer cached.
    private mutating func respondInSession(_ frame: Frame) -> [UInt8] {
        let header = frame.header
        guard var entry = sessions.entry(header.session) else { return errorFrame(.noSession, answering: header) }
        let fingerprint = [header.type.rawValue] + frame.payload
        if let cached = sessions.cachedReply(session: header.session, sequence: header.sequence, request: fingerprint) {
            return cached
        }
        let request: Request
        do {
            request = try Request(type: header.type, payload: frame.payload)
        } catch {
            return errorFrame(.malformedPayload, answering: header)
        }
        let reply: [UInt8]
        if case .authenticate(let response) = request {
            reply = authenticate(response, entry: &entry, header: header)
            sessions.update(entry)
        } else {
            do {
                try entry.session.admit(sequence: header.sequence, type: header.type)
            } catch {
                logger.debug("\(header.type) refused in session \(header.session.rawValue): \(error)")
                return errorFrame(error.errorCode, answering: header)
            }
            sessions.update(entry)
            switch execute(request, role: entry.session.role, session: header.session) {
            case .success(let answer): reply = replyFrame(answer, answering: header)
            case .failure(let refusal): reply = errorFrame(refusal, answering: header)
            }
        }
        sessions.cache(session: header.session, sequence: header.sequence, request: fingerprint, reply: reply)
        return reply
    }

    private mutating func authenticate(
        _ response: HostResponse, entry: inout SessionTable.Entry, header: FrameHeader
    ) -> [UInt8] {
        guard let key = keys.key(for: entry.session.role) else {
            entry.session.close()
            return errorFrame(.authenticationFailed, answering: header)
        }
        do {
            let proof = try entry.session.authenticate(response, sequence: header.sequence, key: key)
            logger.info("session \(header.session.rawValue) open for \(entry.session.role)")
            return replyFrame(.authenticate(deviceProof: proof), answering: header)
        } catch {
            logger.info("session \(header.session.rawValue) refused: \(error)")
            return errorFrame(error.errorCode, answering: header)
        }
    }

    /// The encoded reply frame, or an internal-fault error when the reply cannot be encoded.
    private func replyFrame(_ reply: Reply, answering header: FrameHeader) -> [UInt8] {
        guard let frame = try? Frame(reply: reply, sequence: header.sequence, session: header.session) else {
            logger.error("cannot encode the \(header.type) reply")
            return errorFrame(.internalFault, answering: header)
        }
        return frame.encoded()
    }

    private func errorFrame(_ code: ErrorCode, answering header: FrameHeader) -> [UInt8] {
        errorFrame(ErrorReply(code: code), answering: header)
    }

    private func errorFrame(_ error: ErrorReply, answering header: FrameHeader) -> [UInt8] {
        // An error reply is a code and at most 24 rules, which always encodes.
        (try? Frame(error: error, answering: header).encoded()) ?? []
    }
}
