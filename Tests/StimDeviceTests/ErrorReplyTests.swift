import StimDevice
import StimProtocol
import StimSafety
import Synchronization
import Testing

@Suite("Error replies")
struct ErrorReplyTests {
    @Test("an intact request of an unknown type gets an error reply echoing its header")
    func unknownType() throws {
        let test = try TestDevice()
        let raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        for session in [SessionID.none, raw.session] {
            let header = FrameHeader(type: MessageType(rawValue: 0x7F), kind: .request, sequence: 77, session: session)
            let replies = test.device.handle(frameBytes: try Frame(header: header, payload: [1, 2, 3]).encoded())
            var decoder = FrameDecoder()
            var frames: [Frame] = []
            decoder.decode(replies) { if case .frame(let frame) = $0 { frames.append(frame) } }
            let frame = try #require(frames.first)
            #expect(frame.header == FrameHeader(type: header.type, kind: .error, sequence: 77, session: session))
            #expect(try frame.message() == .error(ErrorReply(code: .unknownMessageType)))
        }
    }

    @Test("a payload that does not decode gets malformedPayload and uses no sequence number")
    func malformed() throws {
        let test = try TestDevice()
        var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        let identify = FrameHeader(type: .identify, kind: .request, sequence: 1, session: .none)
        #expect(try raw.answer(to: try Frame(header: identify, payload: [0]).encoded()).errorCode == .malformedPayload)
        let open = FrameHeader(type: .openSession, kind: .request, sequence: 1, session: .none)
        #expect(try raw.answer(to: try Frame(header: open, payload: [9]).encoded()).errorCode == .malformedPayload)
        let therapy = FrameHeader(type: .setTherapy, kind: .request, sequence: raw.nextSequence, session: raw.session)
        let signed = try Frame(header: therapy, payload: [2]).authenticated(with: try #require(raw.key))
        #expect(try raw.answer(to: signed.encoded()).errorCode == .malformedPayload)
        #expect(try raw.send(.readBattery) != .error(ErrorReply(code: .replayed)))
    }

    @Test("replies sent to the device are ignored")
    func repliesIgnored() throws {
        let test = try TestDevice()
        let reply = try Frame(reply: .setTherapy, sequence: 1, session: .none).encoded()
        #expect(test.device.handle(frameBytes: reply).isEmpty)
        #expect(test.device.snapshot().droppedFrameCount == 1)
    }
}

/// A transport whose far end answers each request frame with what `answer` returns.
final class ScriptedDevice: Transport {
    private let answer: @Sendable (Frame) -> [UInt8]?
    private let outbox = Mutex<[UInt8]>([])

    init(answer: @escaping @Sendable (Frame) -> [UInt8]?) {
        self.answer = answer
    }

    func send(_ bytes: [UInt8]) async throws(TransportError) {
        var decoder = FrameDecoder()
        var replies: [UInt8] = []
        decoder.decode(bytes) { outcome in
            if case .frame(let frame) = outcome, let reply = answer(frame) { replies += reply }
        }
        outbox.withLock { $0 += replies }
    }

    func receive(timeout: Duration) async throws(TransportError) -> [UInt8] {
        let bytes = outbox.withLock { outbox in
            defer { outbox = [] }
            return outbox
        }
        guard !bytes.isEmpty else { throw .timeout }
        return bytes
    }

    func close() async {}
}
