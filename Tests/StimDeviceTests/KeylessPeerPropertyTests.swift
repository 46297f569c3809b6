import PropertyBased
import StimDevice
import StimProtocol
import StimSafety
import Synchronization
import Testing

/// Byte strings a peer without the key might send: noise, damaged copies of the owner's frames, and
/// well-formed frames with valid CRCs and the sniffed session id (any type, flags, number, payload and
/// MAC). openSession, the one request a keyless peer may make, is left to `SessionPolicyTests`, which
/// check that it never touches an authenticated session.
struct KeylessBytes: Sendable, CustomStringConvertible {
    var bytes: [UInt8]
    var kind: String

    var description: String { "\(kind): " + bytes.map { String($0, radix: 16) }.joined(separator: " ") }

    /// Noise, damaged copies of `captured` (the owner's frames, as the peer saw them), and well-formed
    /// frames in `session`, a third each.
    static func generator(session: SessionID, captured: [[UInt8]]) -> Generator<KeylessBytes, Shrink.None<KeylessBytes>>
    {
        Generator { rng in
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: noise(using: &rng)
            case 1: damaged(captured.randomElement(using: &rng) ?? [], using: &rng)
            default: wellFormed(session: session, captured: captured, using: &rng)
            }
        }
    }

    static func noise(using rng: inout some RandomNumberGenerator) -> KeylessBytes {
        var bytes = (0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        if bytes.count > 2, Bool.random(using: &rng) {
            bytes[0] = Frame.magic.0
            bytes[1] = Frame.magic.1
        }
        return KeylessBytes(bytes: bytes, kind: "noise")
    }

    static func damaged(_ frame: [UInt8], using rng: inout some RandomNumberGenerator) -> KeylessBytes {
        var bytes = frame
        for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
            let index = Int.random(in: 0..<bytes.count, using: &rng)
            bytes[index] = Bool.random(using: &rng) ? UInt8.random(in: 0...255, using: &rng) : bytes[index] ^ 1
        }
        if bytes.count > 4, Bool.random(using: &rng) {
            let crc = CRC32.checksum(bytes.dropLast(4))
            withUnsafeBytes(of: crc.littleEndian) { bytes.replaceSubrange((bytes.count - 4)..., with: $0) }
        }
        return KeylessBytes(bytes: bytes, kind: "damaged")
    }

    static func wellFormed(
        session: SessionID, captured: [[UInt8]], using rng: inout some RandomNumberGenerator
    ) -> KeylessBytes {
        var type = MessageType(rawValue: UInt8.random(in: 0...255, using: &rng))
        if type == .openSession { type = .setTherapy }
        let kind = FrameKind.allCases.randomElement(using: &rng) ?? .request
        let sequence =
            Bool.random(using: &rng)
            ? UInt32.random(in: 0...40, using: &rng) : UInt32.random(in: 0...UInt32.max, using: &rng)
        let header = FrameHeader(
            type: type, kind: kind, sequence: sequence,
            session: Int.random(in: 0..<8, using: &rng) == 0 ? .none : session)
        let payload = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let capturedTags = captured.compactMap { RawSession.frames(in: $0).only?.tag }
        let tag: FrameTag? =
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: nil
            case 1: capturedTags.randomElement(using: &rng)
            default: FrameTag(bytes: (0..<FrameTag.length).map { _ in UInt8.random(in: 0...255, using: &rng) })
            }
        let frame = try? Frame(header: header, payload: payload, tag: tag)
        return KeylessBytes(bytes: frame?.encoded() ?? [], kind: "well-formed \(type) \(kind)")
    }
}

@Suite("Property: a peer without the key changes nothing")
struct KeylessPeerPropertyTests {
    @Test("no byte string sent without the key changes the device's state")
    func nothingChanges() async throws {
        let (test, owner, captured) = try FuzzTests.running(keepingSessionOpen: true)
        let before = DeviceStateDump.of(test.device)
        let connection = test.device.makeConnection()
        // The connection decodes one stream, so a frame can end in a later sample than it began (after
        // a frame that claimed more bytes than it had): a mirror of that stream says which frames each
        // sample completes there.
        let stream = Mutex(FrameDecoder())
        await propertyCheck(count: 1500, input: KeylessBytes.generator(session: owner.session, captured: captured)) {
            sample in
            let handled = RawSession.frames(in: test.device.handle(frameBytes: sample.bytes))
            let streamed = RawSession.frames(in: connection.receive(sample.bytes))
            let completed = stream.withLock { decoder in
                var frames: [Frame] = []
                decoder.decode(sample.bytes) { if case .frame(let frame) = $0 { frames.append(frame) } }
                return frames
            }
            for (answers, sent) in [(handled, RawSession.frames(in: sample.bytes)), (streamed, completed)] {
                // Only identify succeeds, and an exact copy of a frame the owner sent, answered from its cache.
                let isReplay = sent.contains { frame in captured.contains { RawSession.frames(in: $0).only == frame } }
                for answer in answers where answer.header.kind == .reply {
                    #expect(answer.header.type == .identify || isReplay, "\(sample)")
                }
            }
            #expect(DeviceStateDump.of(test.device) == before, "\(sample)")
        }
        _ = connection.finish()
        #expect(DeviceStateDump.of(test.device) == before)
        var next = owner
        #expect(try next.send(.setTherapy(false)) == .reply(.setTherapy))
    }
}
