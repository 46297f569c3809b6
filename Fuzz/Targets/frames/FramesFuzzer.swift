import FuzzSupport
import StimProtocol
import StimSafety

/// The frame decoder and the message decoders behind it, on any byte stream.
///
/// Input: one byte choosing the chunk size (1 … 256) the stream arrives in, then the stream.
/// Beyond crashes it checks what `FrameDecoder` promises: the same frames and errors however the
/// stream is split, never more than `capacity` bytes buffered, and every message that decodes
/// encodes back to itself (a request to the very payload it came from, since each has one encoding).
@main
enum FramesFuzzer {
    static func main() {
        FuzzDriver.main(FuzzTarget(name: "frames", seeds: seeds, test: test))
    }

    @Sendable static func test(_ input: [UInt8]) {
        var cursor = InputCursor(input)
        let chunkSize = Int(cursor.byte() ?? 0) + 1
        let stream = Array(cursor.rest())
        let whole = outcomes(of: stream, chunkSize: max(stream.count, 1))
        let split = outcomes(of: stream, chunkSize: chunkSize)
        fuzzExpect(whole == split, "chunks of \(chunkSize) bytes decode differently from the whole stream")
        for case .frame(let frame) in whole {
            checkRoundTrip(frame)
        }
    }

    /// Every outcome of decoding `stream` fed in chunks of `chunkSize` bytes, then finished.
    static func outcomes(of stream: [UInt8], chunkSize: Int) -> [FrameDecoder.Outcome] {
        var decoder = FrameDecoder()
        var outcomes: [FrameDecoder.Outcome] = []
        var offset = 0
        repeat {
            let end = min(stream.count, offset + chunkSize)
            decoder.decode(stream[offset..<end]) { outcomes.append($0) }
            fuzzExpect(decoder.bufferedByteCount <= decoder.capacity, "the decoder buffers past its capacity")
            offset = end
        } while offset < stream.count
        decoder.finish { outcomes.append($0) }
        fuzzExpect(decoder.bufferedByteCount == 0, "finish left bytes in the decoder")
        return outcomes
    }

    static func checkRoundTrip(_ frame: Frame) {
        guard let message = try? frame.message() else { return }
        let header = frame.header
        switch message {
        case .request(let request):
            let payload = try? request.encodedPayload()
            fuzzExpect(payload == frame.payload, "\(request) re-encodes to other bytes than it was decoded from")
        case .reply(let reply):
            let again = (try? reply.encodedPayload()).flatMap { try? Reply(type: header.type, payload: $0) }
            fuzzExpect(again == reply, "\(reply) does not survive encoding and decoding")
        case .error(let error):
            let again = (try? error.encodedPayload()).flatMap { try? ErrorReply(payload: $0) }
            fuzzExpect(again == error, "\(error) does not survive encoding and decoding")
        }
    }

    /// One frame of every request and reply type, of every request in a session with its MAC, and an
    /// error reply, encoded now, so the seeds follow the protocol version; each is preceded by a
    /// chunk-size byte.
    @Sendable static func seeds() throws -> [Seed] {
        let session = SessionID(rawValue: 0x0A0B_0C0D)
        let program = StimProgram(
            amplitude: Nanoamps(units: 3), pulseWidth: Nanoseconds(units: 300), rate: .frequency(Millihertz(units: 50)),
            contacts: [ContactShare(.lead(1), Percent(units: -100)), ContactShare(.lead(2), Percent(units: 100))],
            cycling: Cycling(on: Milliseconds(units: 60), off: Milliseconds(units: 60)),
            patientRange: PatientRange(min: Nanoamps(units: 2), max: Nanoamps(units: 4)))
        let nonce = Nonce(bytes: Array(0..<16))!
        let code = AuthenticationCode(bytes: Array(repeating: 0xA5, count: 32))!
        let battery = BatteryStatus(
            percent: 80, voltage: Millivolts(rawValue: 3_900), isRechargeable: true, isCharging: false)
        let requests: [Request] = [
            .identify, .openSession(.clinician), .authenticate(HostResponse(hostNonce: nonce, proof: code)),
            .closeSession, .readState, .writeProgram(ProgramWrite(slot: 1, program: program)), .activateSlot(1),
            .setTherapy(true), .adjustAmplitude(Nanoamps(units: 3)), .measureImpedance, .readBattery,
            .readEventLog(LogRange(offset: 0, length: 512)), .setClock(epochNanoseconds: 1_767_571_200_000_000_000),
        ]
        let replies: [Reply] = [
            .identify(
                DeviceIdentity(
                    protocolVersions: [Frame.protocolVersion], profileID: "tonic-16", model: "Tonic 16",
                    serial: "IPG-1",
                    firmware: "sim-1.0")),
            .openSession(SessionChallenge(session: session, deviceNonce: nonce)),
            .authenticate(deviceProof: code),
            .readState(
                DeviceState(
                    slots: [SlotState(slot: 1, isEnabled: true, program: program)], activeSlot: 1, isTherapyOn: true,
                    runningAmplitude: Nanoamps(units: 2), targetAmplitude: Nanoamps(units: 3), battery: battery)),
            .writeProgram, .adjustAmplitude(Nanoamps(units: 3)),
            .measureImpedance([.lead(1): Milliohms(units: 900), .can: Milliohms(units: 80)]),
            .readBattery(battery),
            .readEventLog(LogChunk(offset: 0, total: 12, isComplete: true, bytes: Array("{\"type\":\"x\"}".utf8))),
        ]
        var frames: [(String, Frame)] = []
        for (index, request) in requests.enumerated() {
            frames.append(
                ("request-\(request.type)", try Frame(request: request, sequence: UInt32(index + 1), session: session)))
        }
        for (index, reply) in replies.enumerated() {
            frames.append(
                ("reply-\(reply.type)", try Frame(reply: reply, sequence: UInt32(index + 1), session: session)))
        }
        let key = SessionKey(
            roleKey: try DeviceKey(bytes: Array(repeating: 0x5A, count: 32)), role: .clinician, session: session,
            deviceNonce: nonce, hostNonce: nonce)
        for (index, request) in requests.enumerated() where !request.type.isHandshake {
            let frame = try Frame(request: request, sequence: UInt32(100 + index), session: session)
            frames.append(("authenticated-request-\(request.type)", frame.authenticated(with: key)))
        }
        let refused = FrameHeader(type: .writeProgram, kind: .request, sequence: 7, session: session)
        frames.append(
            ("error", try Frame(error: ErrorReply(code: .safetyRejected, rules: [.amplitudeRange]), answering: refused))
        )
        var seeds = frames.map { name, frame in Seed(name: name, bytes: [0xFF] + frame.encoded()) }
        seeds.append(Seed(name: "two-frames-split", bytes: [6] + frames[0].1.encoded() + frames[4].1.encoded()))
        return seeds
    }
}
