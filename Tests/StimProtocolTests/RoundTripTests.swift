import StimProtocol
import StimSafety
import Testing

@Suite("Round trips")
struct RoundTripTests {
    @Test("every request decodes from its payload to itself", arguments: Samples.requests.map(\.name))
    func requestRoundTrip(name: String) throws {
        let request = try #require(Samples.requests.first { $0.name == name }?.request)
        #expect(try Request(type: request.type, payload: request.encodedPayload()) == request)
    }

    @Test("every reply decodes from its payload to itself", arguments: Samples.replies.map(\.name))
    func replyRoundTrip(name: String) throws {
        let reply = try #require(Samples.replies.first { $0.name == name }?.reply)
        #expect(try Reply(type: reply.type, payload: reply.encodedPayload()) == reply)
    }

    @Test("every error reply decodes from its payload to itself", arguments: Samples.errors.map(\.name))
    func errorRoundTrip(name: String) throws {
        let error = try #require(Samples.errors.first { $0.name == name }?.error)
        #expect(try ErrorReply(payload: error.encodedPayload()) == error)
    }

    @Test("every sample frame comes back out of the decoder as the message that went in")
    func framesRoundTripThroughTheDecoder() throws {
        var expected: [Message] = Samples.requests.map { .request($0.request) }
        expected += Samples.replies.map { .reply($0.reply) }
        expected.append(
            .request(
                .adjustAmplitude(Nanoamps(rawValue: 9_000_000), acknowledged: RuleSet([.shannon, .chargeDensity]))))
        expected += Samples.errors.map { .error($0.error) }
        expected += [.reply(Samples.replies[0].reply), .error(ErrorReply(code: .unsupportedVersion))]
        var decoder = FrameDecoder()
        var messages: [Message] = []
        for (_, frame) in Samples.frames {
            decoder.feed(frame.encoded())
            guard case .frame(let decoded) = decoder.next() else {
                Issue.record("no frame")
                continue
            }
            #expect(decoded == frame)
            messages.append(try decoded.message())
        }
        #expect(messages == expected)
    }

    /// Every combination of the five optional fields, on top of the burst sample.
    static let programs: [StimProgram] = (0..<32).map { mask in
        var program = Samples.burst
        if mask & 1 == 0 { program.pulsesPerBurst = nil }
        if mask & 2 == 0 { program.intraBurstRate = nil }
        if mask & 4 == 0 { program.interphaseGap = nil }
        if mask & 8 == 0 { program.cycling = nil }
        if mask & 16 == 0 { program.patientRange = nil }
        return program
    }

    @Test("programs with any set of optional fields round-trip exactly", arguments: programs)
    func optionalFields(program: StimProgram) throws {
        let request = Request.writeProgram(ProgramWrite(slot: 7, program: program))
        #expect(try Request(type: .writeProgram, payload: request.encodedPayload()) == request)
    }

    @Test(
        "programs at the edges of their integer fields round-trip exactly",
        arguments: [
            StimProgram(
                amplitude: Nanoamps(rawValue: .max), pulseWidth: Nanoseconds(rawValue: .min),
                rate: .frequency(Millihertz(rawValue: -1)), waveform: .highFrequency, pulsesPerBurst: .min,
                contacts: [ContactShare(.lead(65_535), Percent(rawValue: .min)), ContactShare(.lead(0), .zero)]),
            StimProgram(
                amplitude: .zero, pulseWidth: .zero, rate: .period(Nanoseconds(rawValue: .max)), contacts: []),
            StimProgram(
                amplitude: Nanoamps(units: 25), pulseWidth: Nanoseconds(units: 1000),
                rate: .frequency(Millihertz(units: 10_000)),
                contacts: (0..<255).map { ContactShare(.lead($0 % 32), Percent(rawValue: Int64($0) - 127)) }),
        ])
    func extremePrograms(program: StimProgram) throws {
        let request = Request.writeProgram(
            ProgramWrite(slot: 255, program: program, acknowledged: RuleSet(RuleID.allCases)))
        #expect(try Request(type: .writeProgram, payload: request.encodedPayload()) == request)
    }

    @Test("every rule id survives an error reply, in the order given")
    func allRules() throws {
        let error = ErrorReply(code: .safetyRejected, rules: RuleID.allCases.reversed() + [.shannon])
        #expect(try ErrorReply(payload: error.encodedPayload()) == error)
    }

    @Test("an error code this version does not name still round-trips")
    func unknownErrorCode() throws {
        let error = ErrorReply(code: ErrorCode(rawValue: 0xBEEF))
        #expect(try ErrorReply(payload: error.encodedPayload()) == error)
        #expect(error.code.name == nil)
    }

    @Test("a log chunk of the largest size fills a frame exactly, MAC included")
    func largestLogChunk() throws {
        let chunk = LogChunk(
            offset: 0, total: 1 << 40, isComplete: false, bytes: Array(repeating: 0x41, count: LogChunk.maximumLength))
        let frame = try Frame(reply: .readEventLog(chunk), sequence: 1, session: Samples.session)
            .authenticated(with: Samples.sessionKey)
        #expect(frame.encodedLength == Frame.maximumLength)
        #expect(try frame.message() == .reply(.readEventLog(chunk)))
    }
}
