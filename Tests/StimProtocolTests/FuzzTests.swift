import StimProtocol
import Testing

@Suite("Fuzzing")
struct FuzzTests {
    /// Decodes `frame`'s payload and, when it decodes, checks that it re-encodes to the same bytes:
    /// every payload has exactly one wire form.
    static func checkCanonical(_ frame: Frame) {
        guard let message = try? frame.message() else { return }
        let again: [UInt8]?
        switch message {
        case .request(let request): again = try? request.encodedPayload()
        case .reply(let reply): again = try? reply.encodedPayload(version: frame.header.version)
        case .error(let error): again = try? error.encodedPayload()
        }
        #expect(again == frame.payload, "\(frame.header) decoded to \(message) which encodes differently")
    }

    @Test("100 000 mutated frames each give frames, errors or need-more, and never trap")
    func mutatedFrames() {
        let samples = Samples.frames.map { $0.frame.encoded() }
        var mutator = Mutator(seed: 0x5C5C)
        var counts = (frames: 0, errors: 0, waiting: 0)
        for round in 0..<100_000 {
            let bytes = mutator.mutate(samples[round % samples.count])
            var decoder = FrameDecoder()
            let handle = { (outcome: FrameDecoder.Outcome) in
                switch outcome {
                case .frame(let frame):
                    counts.frames += 1
                    Self.checkCanonical(frame)
                case .failure: counts.errors += 1
                case .needMoreBytes: Issue.record("decode handed out need-more")
                }
            }
            decoder.decode(bytes, handle)
            #expect(decoder.bufferedByteCount <= decoder.capacity)
            if decoder.bufferedByteCount > 0 { counts.waiting += 1 }
            decoder.finish(handle)
            #expect(decoder.bufferedByteCount == 0)
        }
        #expect(counts.errors > 50_000)
        #expect(counts.waiting > 1_000)
    }

    @Test("100 000 mutated payloads behind valid CRCs decode or fail with a typed error, never trap")
    func mutatedPayloads() {
        let samples = Samples.frames.map(\.frame)
        var mutator = Mutator(seed: 0xC5C5)
        var decoded = 0
        for round in 0..<100_000 {
            let frame = mutator.mutatePayload(of: samples[round % samples.count])
            do {
                _ = try frame.message()
                decoded += 1
                Self.checkCanonical(frame)
            } catch {
                // A typed PayloadError is the expected outcome for most damage.
            }
        }
        #expect(decoded > 1_000)
    }

    @Test("intact frames among damaged ones all come through, in order, however the bytes are chunked")
    func intactFramesSurvive() {
        let samples = Samples.frames.map(\.frame)
        var mutator = Mutator(seed: 42)
        var generator = SeededGenerator(seed: 43)
        var stream: [UInt8] = []
        var intact: [Frame] = []
        for round in 0..<3_000 {
            let frame = samples[round % samples.count]
            if Bool.random(using: &generator) {
                stream += mutator.mutate(frame.encoded())
            }
            intact.append(frame)
            stream += frame.encoded()
        }
        for seed: UInt64 in [1, 2] {
            let frames = Decoding.frames(Decoding.chunked(stream, seed: seed, maximum: 700, finishing: true))
            var remaining = intact[...]
            for frame in frames where frame == remaining.first { remaining.removeFirst() }
            #expect(remaining.count == 0, "intact frames lost")
        }
    }

    @Test("a megabyte of random bytes never traps and never grows the buffer past capacity")
    func randomBytes() {
        var generator = SeededGenerator(seed: 7)
        let bytes = (0..<1_000_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var decoder = FrameDecoder()
        var outcomes = 0
        var index = 0
        while index < bytes.count {
            let end = min(index + Int.random(in: 1...5000, using: &generator), bytes.count)
            decoder.decode(bytes[index..<end]) { _ in outcomes += 1 }
            #expect(decoder.bufferedByteCount <= decoder.capacity)
            index = end
        }
        #expect(outcomes > 0)
    }
}
