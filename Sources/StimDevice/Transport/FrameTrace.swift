import Logging
import StimProtocol
import StimSafety

/// The frame trace of one served connection (`scs serve --trace`): a line for every frame the device
/// receives and sends, with its direction, type, kind, sequence number and session, and for an
/// answer its result (`ok`, or the error code and rule ids); bytes that make no frame are a line too.
///
/// Only headers and error codes are written, never payloads: nonces, proofs and programs stay out of
/// the log, and no key ever reaches it.
struct FrameTrace {
    private let connection: UInt64
    private let logger: Logger
    /// The incoming stream's own decoder, so the trace sees frames split across reads whole.
    private var incoming = FrameDecoder()

    init(connection: UInt64, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Traces the frames `bytes` complete on the way in.
    mutating func received(_ bytes: [UInt8]) {
        var outcomes: [FrameDecoder.Outcome] = []
        incoming.decode(bytes) { outcomes.append($0) }
        log("in", outcomes)
    }

    /// Traces the frames in `bytes` (whole reply frames) on the way out.
    func sent(_ bytes: [UInt8]) {
        var outgoing = FrameDecoder()
        var outcomes: [FrameDecoder.Outcome] = []
        outgoing.decode(bytes) { outcomes.append($0) }
        log("out", outcomes)
    }

    /// Traces what the incoming stream left unfinished when it ended.
    mutating func ended() {
        var outcomes: [FrameDecoder.Outcome] = []
        incoming.finish { outcomes.append($0) }
        log("in", outcomes)
    }

    private func log(_ direction: String, _ outcomes: [FrameDecoder.Outcome]) {
        for outcome in outcomes {
            switch outcome {
            case .frame(let frame):
                logger.info("connection \(connection) \(direction): \(Self.describe(frame))")
            case .failure(let error):
                logger.info("connection \(connection) \(direction): bytes that make no frame (\(error))")
            case .needMoreBytes:
                break
            }
        }
    }

    /// `writeProgram reply #4 session 17: ok`, from the header and, for an error reply, its code and rules.
    private static func describe(_ frame: Frame) -> String {
        let header = frame.header
        let summary = "\(header.type) \(header.kind) #\(header.sequence) \(header.session)"
        switch header.kind {
        case .request:
            return summary
        case .reply:
            return summary + ": ok"
        case .error:
            guard case .error(let refusal)? = try? frame.message() else { return summary + ": undecodable error" }
            let rules = refusal.rules.map(\.name).joined(separator: ", ")
            return summary + ": \(refusal.code)" + (rules.isEmpty ? "" : " (\(rules))")
        }
    }
}
