import StimProtocol
import Testing

@Suite("Frame decoder")
struct FrameDecoderTests {
    static let frame = Samples.frames[5].frame
    static let other = Samples.frames[20].frame

    @Test("a stream fed at once and fed byte by byte gives the same frames")
    func byteByByte() {
        let stream = Decoding.sampleStream
        let atOnce = Decoding.all(stream)
        #expect(atOnce == Samples.frames.map { .frame($0.frame) })
        #expect(Decoding.chunked(stream, seed: 0, maximum: 1) == atOnce)
    }

    @Test("a stream fed in random chunks gives the same frames", arguments: 1...25)
    func randomChunks(seed: UInt64) {
        let stream = Decoding.sampleStream
        #expect(Decoding.chunked(stream, seed: seed) == Decoding.all(stream))
    }

    @Test("a frame short of its last byte needs more bytes, and the last byte completes it")
    func truncatedFrame() {
        let bytes = Self.frame.encoded()
        for cut in 0..<bytes.count {
            var decoder = FrameDecoder()
            decoder.feed(bytes[..<cut])
            #expect(decoder.next() == .needMoreBytes, "cut at \(cut)")
            decoder.feed(bytes[cut...])
            #expect(decoder.next() == .frame(Self.frame))
        }
    }

    @Test("at the end of the stream an unfinished frame is truncated, and the decoder is empty")
    func truncatedAtEnd() {
        let bytes = Self.frame.encoded().dropLast(3)
        var decoder = FrameDecoder()
        decoder.feed(bytes)
        #expect(decoder.next() == .needMoreBytes)
        var outcomes: [FrameDecoder.Outcome] = []
        decoder.finish { outcomes.append($0) }
        #expect(outcomes == [.failure(.truncated(byteCount: bytes.count))])
        #expect(decoder.bufferedByteCount == 0)
        #expect(decoder.discardedByteCount == bytes.count)
        decoder.feed(Self.other.encoded())
        #expect(decoder.next() == .frame(Self.other))
    }

    @Test("at the end of the stream, whole frames behind an unfinished claim still come out")
    func framesBehindATruncatedClaim() {
        var bytes = Self.frame.encoded()
        bytes[14] = 0xE8  // 1000 bytes of payload claimed, fewer follow
        bytes[15] = 0x03
        let stream = bytes + Self.other.encoded() + [Frame.magic.0]
        #expect(Decoding.all(stream).isEmpty)
        let outcomes = Decoding.chunked(stream, seed: 5, finishing: true)
        #expect(
            outcomes == [
                .failure(.truncated(byteCount: stream.count)), .frame(Self.other), .failure(.truncated(byteCount: 1)),
            ])
    }

    @Test("garbage before a frame is one bad-magic error, counted as discarded")
    func garbageBeforeAFrame() {
        var decoder = FrameDecoder()
        decoder.feed([0x00, 0xC5, 0x00, 0x5C, 0xFF] + Self.frame.encoded())
        #expect(decoder.next() == .failure(.badMagic))
        #expect(decoder.next() == .frame(Self.frame))
        #expect(decoder.next() == .needMoreBytes)
        #expect(decoder.discardedByteCount == 5)
    }

    @Test("a lone first magic byte at the end waits for the next byte")
    func partialMagic() {
        var decoder = FrameDecoder()
        decoder.feed([Frame.magic.0])
        #expect(decoder.next() == .needMoreBytes)
        decoder.feed([0x00])
        #expect(decoder.next() == .failure(.badMagic))
        #expect(decoder.next() == .needMoreBytes)
        #expect(decoder.bufferedByteCount == 0)
    }

    @Test("a flipped payload bit fails the CRC, and the next frame still decodes")
    func badCRC() throws {
        var bytes = Self.frame.encoded()
        bytes[20] ^= 0x10
        let expected = CRC32.checksum(bytes.dropLast(4))
        let outcomes = Decoding.all(bytes + Self.other.encoded())
        let received = bytes.suffix(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(outcomes == [.failure(.badCRC(expected: expected, received: received)), .frame(Self.other)])
    }

    @Test("a length field grown to swallow the frames behind it costs only the damaged frame")
    func lengthSwallowsNextFrames() {
        var bytes = Self.frame.encoded()
        bytes[14] = 0xE8  // 1000 bytes of payload claimed
        bytes[15] = 0x03
        let followers = Array(repeating: Self.other, count: 60)
        let stream = bytes + followers.flatMap { $0.encoded() }
        let outcomes = Decoding.all(stream)
        #expect(Decoding.frames(outcomes) == followers)
        #expect(outcomes.count == 61)
        guard case .failure(.badCRC) = outcomes.first else {
            Issue.record("expected a CRC failure first, got \(String(describing: outcomes.first))")
            return
        }
        #expect(Decoding.chunked(stream, seed: 7, maximum: 3) == outcomes)
    }

    @Test("a length beyond any frame is a bad length")
    func badLength() {
        var bytes = Self.frame.encoded()
        bytes[14] = 0xDD  // 4061 = 0x0FDD, one past the maximum payload
        bytes[15] = 0x0F
        #expect(Decoding.all(bytes + Self.other.encoded()) == [.failure(.badLength(4061)), .frame(Self.other)])
    }

    @Test(
        "a damaged header field is refused and the decoder resynchronises",
        arguments: [
            (2, UInt8(3), FrameError.unsupportedVersion(3)),
            (2, UInt8(0), .unsupportedVersion(0)),
            (4, UInt8(0x02), .invalidFlags(0x02)),
            (4, UInt8(0x06), .invalidFlags(0x06)),
            (4, UInt8(0x0C), .invalidFlags(0x0C)),
            (4, UInt8(0x81), .invalidFlags(0x81)),
            (5, UInt8(0x01), .reservedByteSet(0x01)),
        ])
    func damagedHeader(offset: Int, value: UInt8, error: FrameError) {
        var bytes = Self.frame.encoded()
        bytes[offset] = value
        #expect(Decoding.all(bytes + Self.other.encoded()) == [.failure(error), .frame(Self.other)])
    }

    @Test("an intact request of an unknown type is reported with its header and consumed")
    func unknownRequestType() throws {
        let header = FrameHeader(
            type: MessageType(rawValue: 0x7F), kind: .request, sequence: 42, session: Samples.session)
        let unknown = try Frame(header: header, payload: [1, 2, 3])
        let outcomes = Decoding.all(unknown.encoded() + Self.other.encoded())
        #expect(outcomes == [.failure(.unknownMessageType(header)), .frame(Self.other)])
    }

    @Test("an unknown request is answered by an error frame that echoes its type, number and session")
    func answeringAnUnknownType() throws {
        let header = FrameHeader(
            type: MessageType(rawValue: 0x7F), kind: .request, sequence: 42, session: Samples.session)
        guard
            case .failure(.unknownMessageType(let reported)) = Decoding.all(
                try Frame(header: header, payload: []).encoded()
            ).first
        else {
            Issue.record("the unknown type was not reported")
            return
        }
        let answer = try Frame(error: ErrorReply(code: .unknownMessageType), answering: reported)
        #expect(answer.header == FrameHeader(type: header.type, kind: .error, sequence: 42, session: Samples.session))
        #expect(Decoding.all(answer.encoded()) == [.frame(answer)])
        #expect(try answer.message() == .error(ErrorReply(code: .unknownMessageType)))
    }

    @Test("an intact reply of an unknown type is reported too")
    func unknownReplyType() throws {
        let header = FrameHeader(type: MessageType(rawValue: 0xEE), kind: .reply, sequence: 1, session: .none)
        let unknown = try Frame(header: header, payload: [])
        #expect(Decoding.all(unknown.encoded()) == [.failure(.unknownMessageType(header))])
    }

    @Test("an error reply to an unknown type is a frame whose message is the error")
    func errorReplyToUnknownType() throws {
        let sample = try #require(Samples.frames.first { $0.name == "error unknownMessageType" }?.frame)
        #expect(Decoding.all(sample.encoded()) == [.frame(sample)])
        #expect(try sample.message() == .error(ErrorReply(code: .unknownMessageType)))
    }

    @Test("decoding the payload of an unknown type is a typed error")
    func unknownTypePayload() throws {
        let header = FrameHeader(type: MessageType(rawValue: 0x7F), kind: .request, sequence: 1, session: .none)
        #expect(throws: PayloadError.unknownMessageType(MessageType(rawValue: 0x7F))) {
            try Frame(header: header, payload: []).message()
        }
        #expect(throws: PayloadError.unknownMessageType(MessageType(rawValue: 0x7F))) {
            try Reply(type: MessageType(rawValue: 0x7F), payload: [])
        }
    }

    @Test("a frame of the maximum size, MAC included, decodes; one byte more cannot be built")
    func maximumSize() throws {
        let header = FrameHeader(type: .setClock, kind: .error, sequence: 1, session: Samples.session)
        let largest = try Frame(header: header, payload: Array(repeating: 0xAB, count: Frame.maximumPayloadLength))
            .authenticated(with: Samples.sessionKey)
        #expect(largest.encodedLength == 4096)
        #expect(Decoding.chunked(largest.encoded(), seed: 3) == [.frame(largest)])
        #expect(throws: EncodeError.payloadTooLarge(length: 4061, limit: 4060)) {
            try Frame(header: header, payload: Array(repeating: 0, count: Frame.maximumPayloadLength + 1))
        }
    }

    @Test("a version-1 frame decodes, as far as its layout goes, and may not carry a MAC")
    func versionOneFrames() throws {
        let identify = FrameHeader(version: 1, type: .identify, kind: .request, sequence: 1, session: .none)
        let frame = try Frame(header: identify, payload: [])
        #expect(Decoding.all(frame.encoded()) == [.frame(frame)])
        var flagged = frame.encoded()
        flagged[4] = 0x04
        #expect(Decoding.all(flagged + Self.other.encoded()) == [.failure(.invalidFlags(0x04)), .frame(Self.other)])
        #expect(throws: EncodeError.valueOutOfRange(field: "version", value: 1)) {
            try Frame(header: identify, payload: [], tag: FrameTag(bytes: Array(0..<16)))
        }
    }

    @Test("feeding takes no more than the capacity, so the buffer stays bounded")
    func boundedBuffer() {
        var decoder = FrameDecoder()
        let flood = [UInt8](repeating: Frame.magic.0, count: 100_000)
        #expect(decoder.feed(flood) == decoder.capacity)
        #expect(decoder.bufferedByteCount == decoder.capacity)
        #expect(decoder.feed(flood) == 0)
        #expect(decoder.next() == .failure(.badMagic))
        #expect(decoder.next() == .needMoreBytes)
        #expect(decoder.bufferedByteCount == 1)
        #expect(decoder.feed(flood) == decoder.capacity - 1)
    }
}
