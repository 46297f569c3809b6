/// What a decoded frame carries: a request, a reply, or an error reply.
public enum Message: Hashable, Sendable {
    case request(Request)
    case reply(Reply)
    /// A refusal; the frame's type is that of the refused request, possibly one this version does not know.
    case error(ErrorReply)
}

extension Frame {
    /// The frame carrying `request`.
    public init(request: Request, sequence: UInt32, session: SessionID) throws(EncodeError) {
        try self.init(
            header: FrameHeader(type: request.type, kind: .request, sequence: sequence, session: session),
            payload: try request.encodedPayload())
    }

    /// The frame carrying `reply` to the request with number `sequence`, laid out in protocol `version`.
    public init(
        reply: Reply, sequence: UInt32, session: SessionID, version: UInt8 = Frame.protocolVersion
    ) throws(EncodeError) {
        try self.init(
            header: FrameHeader(version: version, type: reply.type, kind: .reply, sequence: sequence, session: session),
            payload: try reply.encodedPayload(version: version))
    }

    /// The error frame refusing the request whose header is `request`: same version, type, sequence
    /// and session.
    public init(error: ErrorReply, answering request: FrameHeader) throws(EncodeError) {
        var header = request
        header.kind = .error
        try self.init(header: header, payload: try error.encodedPayload())
    }

    /// Reads the frame's payload as what its header announces.
    public func message() throws(PayloadError) -> Message {
        switch header.kind {
        case .request: .request(try Request(type: header.type, payload: payload))
        case .reply: .reply(try Reply(type: header.type, payload: payload, version: header.version))
        case .error: .error(try ErrorReply(payload: payload))
        }
    }
}
