import StimProtocol
import StimSafety
import Testing

@Suite("Encoding errors")
struct EncodingErrorTests {
    static func write(_ contacts: [ContactShare]) -> Request {
        var program = Samples.tonic
        program.contacts = contacts
        return .writeProgram(ProgramWrite(slot: 1, program: program))
    }

    @Test("a slot above 255 is refused before sending, in a write and an activation")
    func slotAboveOneByte() {
        #expect(throws: EncodeError.valueOutOfRange(field: "slot", value: 256)) {
            try Request.writeProgram(ProgramWrite(slot: 256, program: Samples.tonic)).encodedPayload()
        }
        #expect(throws: EncodeError.valueOutOfRange(field: "slot", value: 256)) {
            try Request.activateSlot(256).encodedPayload()
        }
    }

    @Test("slots 1 and 255 travel as their one byte", arguments: [Slot(integerLiteral: 1), 255])
    func slotsThatFitOneByte(slot: Slot) throws {
        let activation = try Request.activateSlot(slot).encodedPayload()
        #expect(activation == [UInt8(slot.number)])
        #expect(try Request(type: .activateSlot, payload: activation) == .activateSlot(slot))
        let write = try Request.writeProgram(ProgramWrite(slot: slot, program: Samples.tonic)).encodedPayload()
        #expect(write.first == UInt8(slot.number))
        #expect(
            try Request(type: .writeProgram, payload: write)
                == .writeProgram(ProgramWrite(slot: slot, program: Samples.tonic)))
    }

    @Test("a contact key that is neither a number nor the case has no wire form")
    func unrecognizedContact() {
        #expect(throws: EncodeError.unencodableContact("e1")) {
            try Self.write([ContactShare(.unrecognized("e1"), Percent(units: -100))]).encodedPayload()
        }
    }

    @Test("contact numbers outside UInt16 are refused", arguments: [-1, 65_536])
    func contactNumberRange(number: Int) {
        #expect(throws: EncodeError.valueOutOfRange(field: "contact number", value: number)) {
            try Self.write([ContactShare(.lead(number), Percent(units: -100))]).encodedPayload()
        }
    }

    @Test("more than 255 contacts are refused")
    func tooManyContacts() {
        let contacts = (0..<256).map { ContactShare(.lead($0), .zero) }
        #expect(throws: EncodeError.tooManyEntries(field: "contacts", count: 256, limit: 255)) {
            try Self.write(contacts).encodedPayload()
        }
    }

    @Test("a string longer than 255 UTF-8 bytes is refused")
    func longString() {
        let identity = DeviceIdentity(
            protocolVersions: [2], profileID: "p", model: String(repeating: "é", count: 128), serial: "", firmware: "")
        #expect(throws: EncodeError.stringTooLong(field: "model", length: 256, limit: 255)) {
            try Reply.identify(identity).encodedPayload()
        }
    }

    @Test("an identity must list at least one protocol version, strictly ascending", arguments: [[], [2, 2], [3, 2]])
    func identityVersions(versions: [UInt8]) {
        let identity = DeviceIdentity(
            protocolVersions: versions, profileID: "p", model: "m", serial: "s", firmware: "f")
        #expect(throws: EncodeError.valueOutOfRange(field: "protocol versions", value: versions.count)) {
            try Reply.identify(identity).encodedPayload()
        }
    }

    @Test("a battery above 100 % is refused")
    func batteryPercent() {
        var battery = Samples.battery
        battery.percent = 101
        #expect(throws: EncodeError.valueOutOfRange(field: "battery percent", value: 101)) {
            try Reply.readBattery(battery).encodedPayload()
        }
    }

    @Test("a challenge cannot name session 0, which means no session")
    func challengeWithoutSession() {
        #expect(throws: EncodeError.valueOutOfRange(field: "session", value: 0)) {
            try Reply.openSession(SessionChallenge(session: .none, deviceNonce: Samples.deviceNonce)).encodedPayload()
        }
    }

    @Test("a state larger than one frame is refused, not cut")
    func stateTooLarge() throws {
        var program = Samples.tonic
        program.contacts = (0..<200).map { ContactShare(.lead($0), .zero) }
        var state = Samples.state
        state.slots = [1, 2].map { SlotState(slot: $0, isEnabled: true, program: program) }
        #expect(throws: EncodeError.payloadTooLarge(length: 4_491, limit: Frame.maximumPayloadLength)) {
            try Reply.readState(state).encodedPayload()
        }
    }

    @Test("a log chunk larger than one frame is refused")
    func chunkTooLarge() {
        let chunk = LogChunk(
            offset: 0, total: 0, isComplete: true, bytes: Array(repeating: 0, count: LogChunk.maximumLength + 1))
        #expect(
            throws: EncodeError.payloadTooLarge(
                length: Frame.maximumPayloadLength + 1, limit: Frame.maximumPayloadLength)
        ) {
            try Reply.readEventLog(chunk).encodedPayload()
        }
    }

    @Test("more than 255 rule ids in one error reply are refused")
    func tooManyRules() {
        let error = ErrorReply(code: .safetyRejected, rules: Array(repeating: .shannon, count: 256))
        #expect(throws: EncodeError.tooManyEntries(field: "rules", count: 256, limit: 255)) {
            try error.encodedPayload()
        }
    }
}
