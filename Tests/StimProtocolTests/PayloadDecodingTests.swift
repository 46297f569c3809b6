import StimProtocol
import StimSafety
import Testing

@Suite("Payload decoding")
struct PayloadDecodingTests {
    /// Every sample payload with a function that decodes a payload of its kind.
    static let decoders: [(name: String, payload: [UInt8], decode: @Sendable ([UInt8]) throws -> Void)] =
        Samples.requests.map { sample in
            (
                "request " + sample.name, try! sample.request.encodedPayload(),
                { _ = try Request(type: sample.request.type, payload: $0) }
            )
        }
        + Samples.replies.map { sample in
            (
                "reply " + sample.name, try! sample.reply.encodedPayload(),
                { _ = try Reply(type: sample.reply.type, payload: $0) }
            )
        }
        + Samples.errors.map { sample in
            ("error " + sample.name, try! sample.error.encodedPayload(), { _ = try ErrorReply(payload: $0) })
        }

    @Test("every strict prefix of every payload is refused as truncated", arguments: decoders.map(\.name))
    func truncated(name: String) throws {
        let sample = try #require(Self.decoders.first { $0.name == name })
        for length in 0..<sample.payload.count {
            let prefix = Array(sample.payload.prefix(length))
            #expect(throws: PayloadError.self, "\(name) cut to \(length)") { try sample.decode(prefix) }
            do {
                try sample.decode(prefix)
            } catch let error as PayloadError {
                guard case .truncated = error else {
                    Issue.record("\(name) cut to \(length): \(error)")
                    continue
                }
            }
        }
    }

    @Test("one byte after any payload is refused as trailing", arguments: decoders.map(\.name))
    func overlong(name: String) throws {
        let sample = try #require(Self.decoders.first { $0.name == name })
        // After an adjustAmplitude's amplitude a byte is the count of an acknowledged list, which is
        // never 0 (`AcknowledgedAdjustTests`).
        let error =
            name == "request adjustAmplitude"
            ? PayloadError.invalidValue(field: "acknowledged count", value: 0) : .trailingBytes(count: 1)
        #expect(throws: error) { try sample.decode(sample.payload + [0]) }
    }

    /// `writeProgram` of the tonic sample to slot 1 without acknowledgements: slot 0, ack count 1,
    /// presence 2, amplitude 3–10, pulse width 11–18, rate tag 19, rate 20–27, waveform 28, recovery
    /// 29, contact count 30, first contact tag 31, number 32–33, percent 34–41, second tag 42.
    static let tonicWrite = try! Request.writeProgram(ProgramWrite(slot: 1, program: Samples.tonic)).encodedPayload()

    static func tonicWrite(setting offset: Int, to value: UInt8) -> [UInt8] {
        var payload = tonicWrite
        payload[offset] = value
        return payload
    }

    @Test(
        "invalid program fields are refused by name",
        arguments: [
            (0, UInt8(0), PayloadError.invalidValue(field: "slot", value: 0)),
            (2, 0x20, .invalidValue(field: "program presence", value: 0x20)),
            (19, 2, .invalidValue(field: "rate tag", value: 2)),
            (28, 3, .invalidValue(field: "waveform", value: 3)),
            (29, 2, .invalidValue(field: "recovery", value: 2)),
            (31, 2, .invalidValue(field: "contact tag", value: 2)),
            (42, 1, .invalidValue(field: "case contact number", value: 2)),
        ])
    func invalidProgramField(offset: Int, value: UInt8, error: PayloadError) {
        #expect(throws: error) {
            try Request(type: .writeProgram, payload: Self.tonicWrite(setting: offset, to: value))
        }
    }

    @Test(
        "acknowledged rules must be known, ascending and unique",
        arguments: [
            ([UInt8(0x0E), 0x0D], PayloadError.invalidValue(field: "acknowledged rule order", value: 13)),
            ([0x0D, 0x0D], .invalidValue(field: "acknowledged rule order", value: 13)),
            ([0x00], .invalidValue(field: "acknowledged rule", value: 0)),
            ([0x19], .invalidValue(field: "acknowledged rule", value: 25)),
        ])
    func invalidAcknowledgements(rules: [UInt8], error: PayloadError) {
        let payload = [1, UInt8(rules.count)] + rules + Self.tonicWrite.dropFirst(2)
        #expect(throws: error) { try Request(type: .writeProgram, payload: payload) }
    }

    @Test(
        "invalid request fields are refused by name",
        arguments: [
            (MessageType.openSession, [UInt8(0)], PayloadError.invalidValue(field: "role", value: 0)),
            (.openSession, [3], .invalidValue(field: "role", value: 3)),
            (.setTherapy, [2], .invalidValue(field: "therapy", value: 2)),
            (.activateSlot, [0], .invalidValue(field: "slot", value: 0)),
        ])
    func invalidRequestField(type: MessageType, payload: [UInt8], error: PayloadError) {
        #expect(throws: error) { try Request(type: type, payload: payload) }
    }

    @Test(
        "invalid reply fields are refused by name",
        arguments: [
            (
                MessageType.readBattery, "65 0000000000000000 00",
                PayloadError.invalidValue(field: "battery percent", value: 101)
            ),
            (.readBattery, "64 0000000000000000 04", .invalidValue(field: "battery flags", value: 4)),
            (.readState, "04 00", .invalidValue(field: "state flags", value: 4)),
            (.readState, "01 03", .invalidValue(field: "active slot", value: 3)),
            // Slots count from 1: an active slot of 0 and a listed slot 0 name no slot.
            (.readState, "02 00", .invalidValue(field: "active slot", value: 0)),
            (
                .readState, "00 00 0000000000000000 0000000000000000 00 0000000000000000 00 01 00 00",
                .invalidValue(field: "slot", value: 0)
            ),
            (
                .readState, "00 00 0000000000000000 0000000000000000 00 0000000000000000 00 01 01 04",
                .invalidValue(field: "slot flags", value: 4)
            ),
            (.identify, "01 02 01 ff", .invalidUTF8(field: "profile id")),
            (.identify, "00", .invalidValue(field: "protocol versions", value: 0)),
            (.identify, "02 02 01", .invalidValue(field: "protocol version", value: 1)),
            (.identify, "02 02 02", .invalidValue(field: "protocol version", value: 2)),
            (.openSession, "00000000 000102030405060708090a0b0c0d0e0f", .invalidValue(field: "session", value: 0)),
            (.readEventLog, "0000000000000000 0000000000000000 02 0000", .invalidValue(field: "log done", value: 2)),
            (
                .measureImpedance, "02 00 0300 2083 0c00 0000 0000 00 0300 2083 0c00 0000 0000",
                .invalidValue(field: "impedance contact order", value: 3)
            ),
            (
                .measureImpedance, "02 01 0000 2083 0c00 0000 0000 00 0300 2083 0c00 0000 0000",
                .invalidValue(field: "impedance contact order", value: 3)
            ),
        ])
    func invalidReplyField(type: MessageType, hex: String, error: PayloadError) throws {
        let payload = try #require(Hex.bytes(hex))
        #expect(throws: error) { try Reply(type: type, payload: payload) }
    }

    @Test(
        "an error reply naming a rule number this version does not assign is refused", arguments: [UInt8(0), 25, 255])
    func unknownRuleNumber(number: UInt8) {
        #expect(throws: PayloadError.invalidValue(field: "rule", value: Int(number))) {
            try ErrorReply(payload: [0x07, 0x00, 0x01, number])
        }
    }
}
