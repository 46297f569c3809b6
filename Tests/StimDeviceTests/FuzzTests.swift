import StimDevice
import StimProtocol
import StimSafety
import Testing

@Suite("Random and damaged bytes into the device")
struct FuzzTests {
    /// A device with a program written and running, the session that did it (closed unless
    /// `keepingSessionOpen`), and that session's frames as they went over the wire.
    static func running(keepingSessionOpen: Bool = false) throws -> (TestDevice, RawSession, frames: [[UInt8]]) {
        let test = try TestDevice()
        var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        var frames: [[UInt8]] = []
        var requests: [Request] = [
            .writeProgram(ProgramWrite(slot: 1, program: try tonic("3", patientRange: ("2", "5")))), .activateSlot(1),
            .setTherapy(true), .adjustAmplitude(try mA("4")), .readState, .measureImpedance, .readBattery,
            .readEventLog(LogRange(offset: 0, length: 512)), .setClock(epochNanoseconds: 0),
        ]
        if !keepingSessionOpen { requests.append(.closeSession) }
        for request in requests {
            frames.append(try raw.nextFrame(request))
            _ = try raw.send(request)
        }
        return (test, raw, frames)
    }

    @Test("random bytes never crash the device and never change it")
    func randomBytes() throws {
        let (test, _, _) = try Self.running()
        let before = DeviceStateDump.of(test.device)
        var generator = SeededRandom(seed: 1)
        let connection = test.device.makeConnection()
        for round in 0..<3_000 {
            let count = Int.random(in: 0...600, using: &generator)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if round % 3 == 0, bytes.count > 2 {
                bytes[0] = 0xC5
                bytes[1] = 0x5C
            }
            _ = test.device.handle(frameBytes: bytes)
            _ = connection.receive(bytes)
        }
        _ = connection.finish()
        #expect(DeviceStateDump.of(test.device) == before)
    }

    @Test("damaged copies of a real session's frames never change the device")
    func damagedFrames() throws {
        let (test, _, frames) = try Self.running()
        let before = DeviceStateDump.of(test.device)
        var generator = SeededRandom(seed: 2)
        for _ in 0..<20_000 {
            var bytes = frames[Int.random(in: 0..<frames.count, using: &generator)]
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
            }
            _ = test.device.handle(frameBytes: bytes)
        }
        #expect(DeviceStateDump.of(test.device) == before)
    }

    @Test("well-formed frames with mutated payloads in a closed or unknown session never change the device")
    func mutatedPayloads() throws {
        let (test, _, frames) = try Self.running()
        let before = DeviceStateDump.of(test.device)
        var generator = SeededRandom(seed: 3)
        var decoder = FrameDecoder()
        var decoded: [Frame] = []
        for bytes in frames {
            decoder.decode(bytes) { if case .frame(let frame) = $0 { decoded.append(frame) } }
        }
        for _ in 0..<20_000 {
            let frame = decoded[Int.random(in: 0..<decoded.count, using: &generator)]
            var payload = frame.payload
            if !payload.isEmpty {
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    payload[Int.random(in: 0..<payload.count, using: &generator)] = UInt8.random(
                        in: 0...255, using: &generator)
                }
            }
            if Bool.random(using: &generator) { payload.append(UInt8.random(in: 0...255, using: &generator)) }
            var header = frame.header
            header.session =
                Bool.random(using: &generator)
                ? frame.header.session : SessionID(rawValue: UInt32.random(in: 1...9, using: &generator))
            header.sequence = UInt32.random(in: 0...40, using: &generator)
            let mutated = try Frame(header: header, payload: payload)
            _ = test.device.handle(frameBytes: mutated.encoded())
        }
        #expect(DeviceStateDump.of(test.device) == before)
    }

    @Test("mutated requests in an open session never leave a program the core rejects")
    func mutatedRequestsKeepInvariants() throws {
        let test = try TestDevice()
        var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        let template = try Request.writeProgram(
            ProgramWrite(slot: 1, program: try tonic("3", patientRange: ("2", "5")))
        ).encodedPayload()
        var generator = SeededRandom(seed: 4)
        for _ in 0..<5_000 {
            var payload = template
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                payload[Int.random(in: 0..<payload.count, using: &generator)] = UInt8.random(
                    in: 0...255, using: &generator)
            }
            let types: [MessageType] = [
                .writeProgram, .adjustAmplitude, .activateSlot, .setTherapy, MessageType(rawValue: 0x7F),
            ]
            let type = types[Int.random(in: 0..<types.count, using: &generator)]
            let header = FrameHeader(type: type, kind: .request, sequence: raw.nextSequence, session: raw.session)
            let frame = try Frame(header: header, payload: payload).authenticated(with: try #require(raw.key))
            _ = test.device.handle(frameBytes: frame.encoded())
            _ = try raw.send(.readState)
        }
        let state = test.device.state()
        for slot in state.slots {
            guard let program = slot.program else { continue }
            let validation = test.limits.validate(program, context: ValidationContext(slot: slot.slot))
            #expect(validation.verdict != .rejected, "slot \(slot.slot) holds a program the core rejects")
        }
    }

    @Test("frames split across reads of a stream are answered as if whole")
    func splitStream() throws {
        let (test, _, _) = try Self.running()
        let raw = RawSession(device: test.device)
        let identify = try Frame(request: .identify, sequence: 9, session: .none).encoded()
        let whole = test.device.handle(frameBytes: identify + identify)
        let connection = test.device.makeConnection()
        var pieces: [UInt8] = []
        for byte in identify + identify { pieces += connection.receive([byte]) }
        #expect(pieces == whole)
        #expect(try raw.answer(to: identify) == .reply(.identify(test.device.identity)))
    }
}
