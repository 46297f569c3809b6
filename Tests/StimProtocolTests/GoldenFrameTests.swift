import StimProtocol
import Testing

@Suite("Golden frames")
struct GoldenFrameTests {
    @Test("every message type has a golden request and a golden reply")
    func everyTypeIsCovered() throws {
        for type in MessageType.known {
            let name = try #require(type.name)
            #expect(GoldenFrames.hex["request " + name] != nil, "no golden request \(name)")
            #expect(GoldenFrames.hex["reply " + name] != nil, "no golden reply \(name)")
        }
        #expect(GoldenFrames.hex.count == Samples.frames.count)
    }

    @Test("each sample encodes to exactly its golden bytes", arguments: Samples.frames.map(\.name))
    func encodesToGoldenBytes(name: String) throws {
        let frame = try #require(Samples.frames.first { $0.name == name }?.frame)
        let golden = try #require(GoldenFrames.hex[name].flatMap(Hex.bytes))
        #expect(Hex.string(frame.encoded()) == Hex.string(golden))
    }

    @Test("each golden frame decodes to its sample frame and message", arguments: Samples.frames.map(\.name))
    func decodesFromGoldenBytes(name: String) throws {
        let sample = try #require(Samples.frames.first { $0.name == name }?.frame)
        let golden = try #require(GoldenFrames.hex[name].flatMap(Hex.bytes))
        var decoder = FrameDecoder()
        decoder.feed(golden)
        #expect(decoder.next() == .frame(sample))
        #expect(decoder.next() == .needMoreBytes)
        #expect(try sample.message() == sample.message())
    }

    @Test("golden frames state their own length and end in the CRC of what precedes it")
    func goldenFramesAreSelfConsistent() throws {
        for (name, text) in GoldenFrames.hex {
            let bytes = try #require(Hex.bytes(text), "\(name) is not hex")
            let length = Int(bytes[14]) | Int(bytes[15]) << 8
            let tagLength = bytes[4] & 0x04 == 0 ? 0 : FrameTag.length
            #expect(bytes.count == Frame.headerLength + length + tagLength + Frame.trailerLength, "\(name)")
            let crc = bytes.suffix(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            #expect(crc == CRC32.checksum(bytes.dropLast(4)), "\(name)")
        }
    }

    @Test("every frame in a session carries the session key's MAC, except refusals the device cannot sign")
    func goldenFramesInSessionsAreSigned() throws {
        for (name, frame) in Samples.frames where frame.header.version == Frame.protocolVersion {
            let isSigned =
                !frame.header.type.isHandshake && !name.hasSuffix("unknownMessageType")
                && !name.hasSuffix("unauthenticated")
            #expect(frame.isAuthentic(under: Samples.sessionKey) == isSigned, "\(name)")
            #expect((frame.tag != nil) == isSigned, "\(name)")
        }
    }
}
