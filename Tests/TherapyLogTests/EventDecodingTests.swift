import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

@Suite("Decoding event lines")
struct EventDecodingTests {
    static func decode(_ line: String) -> DecodedLine {
        var decoder = StrictLineDecoder()
        return Array(line.utf8).withUnsafeBytes { decoder.decodeEvent($0) }
    }

    static func event(_ line: String) throws -> RecordingEvent {
        guard case .event(_, let event) = decode(line) else {
            Issue.record("not an event: \(decode(line))")
            throw DecodingFailure()
        }
        return event
    }

    struct DecodingFailure: Error {}

    static func program(_ fields: String) throws -> StimProgram {
        let line =
            #"{"t":"2026-01-01T00:00:00Z","type":"program","slot":1,"by":"clinician","program":{"# + fields + "}}"
        guard case .program(_, let program, _) = try event(line) else { throw DecodingFailure() }
        return program
    }

    static let slotLines = [
        #"{"t":"2026-01-01T00:00:00Z","type":"activate","slot":SLOT,"by":"clinician"}"#,
        #"{"t":"2026-01-01T00:00:00Z","type":"amplitude","slot":SLOT,"amplitude":4.5,"by":"patient"}"#,
        #"{"t":"2026-01-01T00:00:00Z","type":"program","slot":SLOT,"by":"clinician","program":"#
            + #"{"amplitude":4.5,"pulseWidth":300,"frequency":50,"contacts":{"2":-100,"3":100}}}"#,
    ]

    @Test("slot 0 and negative slots are refused on every event line", arguments: slotLines, ["0", "-1"])
    func nonPositiveSlotIsRefused(line: String, slot: String) {
        let decoded = Self.decode(line.replacing("SLOT", with: slot))
        #expect(decoded == .problem(.wrongType, "field 'slot' must be 1 or more, not \(slot)"))
    }

    @Test("a recording's slot may go beyond what one wire byte holds", arguments: slotLines)
    func slotAboveOneByteIsKept(line: String) throws {
        switch try Self.event(line.replacing("SLOT", with: "256")) {
        case .activate(let slot, _), .amplitude(let slot, _, _), .program(let slot, _, _): #expect(slot == 256)
        default: Issue.record("not a slot event")
        }
    }

    @Test func programNumbersConvertExactlyWithoutRoundingOntoAGrid() throws {
        let program = try Self.program(
            #""amplitude":4.5004,"pulseWidth":130.3,"frequency":5.5,"contacts":{"2":-100,"3":100}"#)
        #expect(program.amplitude == Nanoamps(rawValue: 4_500_400))
        #expect(program.pulseWidth == Nanoseconds(rawValue: 130_300))
        #expect(program.rate == .frequency(Millihertz(rawValue: 5_500)))
    }

    @Test func numbersWithMoreDigitsThanADoubleHoldAreNotRoundedIntoRange() {
        // As a Double this would be 4.5 exactly; its digits say it is not a whole number of nanoamps.
        let line =
            #"{"t":"2026-01-01T00:00:00Z","type":"amplitude","slot":1,"amplitude":4.50000000000000001,"by":"patient"}"#
        #expect(
            Self.decode(line)
                == .problem(.wrongType, "field 'amplitude': '4.50000000000000001' has more than 6 decimal places"))
        let precise = Self.decode(
            #"{"t":"2026-01-01T00:00:00Z","type":"amplitude","slot":1,"amplitude":4.5000001,"by":"patient"}"#)
        #expect(precise == .problem(.wrongType, "field 'amplitude': '4.5000001' has more than 6 decimal places"))
    }

    @Test func everyOptionalProgramFieldIsRead() throws {
        let program = try Self.program(
            #""amplitude":1,"pulseWidth":1000,"frequency":40,"waveform":"burst","pulsesPerBurst":5,"intraBurstRate":500,"#
                + #""recovery":"passive","interphaseGap":30,"cycling":{"on":30,"off":90},"patientRange":{"min":0.5,"max":2.5},"#
                + #""contacts":{"case":100,"4":-60,"12":-40,"x":0},"unknownField":true"#)
        #expect(program.waveform == .burst)
        #expect(program.pulsesPerBurst == 5)
        #expect(program.intraBurstRate == Millihertz(units: 500))
        #expect(program.recovery == .passive)
        #expect(program.interphaseGap == Nanoseconds(units: 30))
        #expect(program.cycling == Cycling(on: Milliseconds(units: 30), off: Milliseconds(units: 90)))
        #expect(
            program.patientRange == PatientRange(min: Nanoamps(rawValue: 500_000), max: Nanoamps(rawValue: 2_500_000)))
        #expect(
            program.contacts == [
                ContactShare(.lead(4), Percent(units: -60)), ContactShare(.lead(12), Percent(units: -40)),
                ContactShare(.can, Percent(units: 100)), ContactShare(.unrecognized("x"), Percent.zero),
            ])
    }

    @Test func aPeriodStandsInForTheFrequency() throws {
        let program = try Self.program(#""amplitude":1,"pulseWidth":100,"period":142880,"contacts":{"1":-100,"2":100}"#)
        #expect(program.rate == .period(Nanoseconds(units: 142_880)))
    }

    static let badPrograms: [(String, DecodedLine)] = [
        (
            #""pulseWidth":100,"frequency":50,"contacts":{}"#,
            .problem(.missingField, "missing field 'program.amplitude'")
        ),
        (
            #""amplitude":1,"pulseWidth":100,"contacts":{}"#,
            .problem(.missingField, "missing field 'program.frequency'")
        ),
        (
            #""amplitude":1,"pulseWidth":100,"frequency":50,"period":20000,"contacts":{}"#,
            .problem(.wrongType, "'program.frequency' and 'program.period' both given; give one")
        ),
        (
            #""amplitude":1,"pulseWidth":100,"frequency":0,"contacts":{}"#,
            .problem(.wrongType, "field 'program.frequency' must be greater than 0")
        ),
        (
            #""amplitude":-1,"pulseWidth":100,"frequency":50,"contacts":{}"#,
            .problem(.wrongType, "field 'program.amplitude' must not be negative (got -1)")
        ),
        (
            #""amplitude":1,"pulseWidth":100,"frequency":50,"contacts":[1]"#,
            .problem(.wrongType, "field 'program.contacts' must be an object, not an array")
        ),
        (
            #""amplitude":1,"pulseWidth":100,"frequency":50,"contacts":{"1":"-100"}"#,
            .problem(.wrongType, "field 'program.contacts.1' must be a number, not a string")
        ),
        (
            #""amplitude":1,"pulseWidth":100,"frequency":50,"waveform":"sine","contacts":{}"#,
            .problem(.wrongType, "field 'program.waveform' must be one of tonic, burst, highFrequency, not 'sine'")
        ),
        (
            #""amplitude":1,"pulseWidth":100,"frequency":50,"cycling":{"on":30},"contacts":{}"#,
            .problem(.missingField, "missing field 'program.cycling.off'")
        ),
        (
            #""amplitude":1,"pulseWidth":100,"frequency":50,"pulsesPerBurst":2.5,"contacts":{}"#,
            .problem(.wrongType, "field 'program.pulsesPerBurst' must be a whole number, not 2.5")
        ),
    ]

    @Test(arguments: badPrograms)
    func aBadProgramFieldIsNamedWithItsPath(_ fields: String, _ expected: DecodedLine) {
        let line =
            #"{"t":"2026-01-01T00:00:00Z","type":"program","slot":1,"by":"clinician","program":{"# + fields + "}}"
        #expect(Self.decode(line) == expected)
    }

    @Test(arguments: ["1", "1.0", "1e0", "10e-1"])
    func aSlotMayBeWrittenInAnyFormOfAWholeNumber(_ slot: String) throws {
        let event = try Self.event(
            #"{"t":"2026-01-01T00:00:00Z","type":"activate","slot":"# + slot + #","by":"patient"}"#)
        #expect(event == .activate(slot: 1, by: .patient))
    }

    @Test(arguments: ["0", "-1", "1.5", "true", "null", #""1""#])
    func aSlotThatIsNotAPositiveWholeNumberIsRejected(_ slot: String) {
        let line = #"{"t":"2026-01-01T00:00:00Z","type":"activate","slot":"# + slot + #","by":"patient"}"#
        guard case .problem(let kind, _) = Self.decode(line) else {
            Issue.record("accepted slot \(slot)")
            return
        }
        #expect(kind == (slot == "null" ? .missingField : .wrongType))
    }

    @Test func eachOtherTypeDecodesItsFields() throws {
        #expect(
            try Self.event(#"{"t":"2026-01-01T00:00:00Z","type":"impedance","ohms":{"1":812,"case":95.5}}"#)
                == .impedance([.lead(1): Milliohms(units: 812), .can: Milliohms(rawValue: 95_500)]))
        #expect(
            try Self.event(#"{"t":"2026-01-01T00:00:00Z","type":"battery","percent":64}"#)
                == .battery(Percent(units: 64)))
        #expect(try Self.event(#"{"t":"2026-01-01T00:00:00Z","type":"charge","state":"end"}"#) == .charge(.end))
        #expect(
            try Self.event(#"{"t":"2026-01-01T00:00:00Z","type":"therapy","on":false,"by":"device"}"#)
                == .therapy(isOn: false, by: .device))
        #expect(
            try Self.event(#"{"t":"2026-01-01T00:00:00Z","type":"fault","code":"compliance"}"#)
                == .fault(code: "compliance", detail: nil))
        #expect(
            try Self.event(
                #"{"t":"2026-01-01T00:00:00Z","type":"rejected","by":"patient","rules":["shannon"],"request":{"slot":1,"amplitude":6.5}}"#
            )
                == .rejected(
                    RejectedCommand(
                        by: .patient, rules: ["shannon"],
                        request: .object(["slot": .number("1"), "amplitude": .number("6.5")]))))
    }

    static let wrongTypes: [(String, String)] = [
        (
            #"{"t":"2026-01-01T00:00:00Z","type":"therapy","on":1,"by":"patient"}"#,
            "field 'on' must be true or false, not a number"
        ),
        (
            #"{"t":"2026-01-01T00:00:00Z","type":"amplitude","slot":1,"amplitude":true,"by":"patient"}"#,
            "field 'amplitude' must be a number, not a boolean"
        ),
        (
            #"{"t":"2026-01-01T00:00:00Z","type":"impedance","ohms":{"1":-5}}"#,
            "field 'ohms.1' must not be negative (got -5)"
        ),
        (
            #"{"t":"2026-01-01T00:00:00Z","type":"rejected","by":"patient","rules":"shannon","request":{}}"#,
            "field 'rules' must be an array of rule ids, not a string"
        ),
        (
            #"{"t":"2026-01-01T00:00:00Z","type":"rejected","by":"patient","rules":[1],"request":{}}"#,
            "field 'rules' must be an array of rule ids (strings), not a number"
        ),
        (
            #"{"t":"2026-01-01T00:00:00Z","type":"rejected","by":"patient","rules":[],"request":7}"#,
            "field 'request' must be an object, not a number"
        ),
        (
            #"{"t":"2026-01-01T00:00:00Z","type":"charge","state":"paused"}"#,
            "field 'state' must be one of start, end, not 'paused'"
        ),
        (#"{"t":1767225600,"type":"end"}"#, "field 't' must be a string, not a number"),
        (#"{"t":"2026-01-01T00:00:00Z","type":7}"#, "field 'type' must be a string, not a number"),
    ]

    @Test(arguments: wrongTypes)
    func aFieldOfTheWrongTypeIsAWrongTypeFinding(_ line: String, _ message: String) {
        #expect(Self.decode(line) == .problem(.wrongType, message))
    }

    @Test func aLineThatIsNotAnObjectOrNotJSONIsReportedAsSuch() {
        #expect(Self.decode("") == .problem(.invalidJSON, "empty line"))
        #expect(
            Self.decode("{\"t\":") == .problem(.invalidJSON, "not valid JSON: the text ends inside a value (column 6)"))
        #expect(
            Self.decode(#"{"t":1,}"#)
                == .problem(.invalidJSON, "not valid JSON: a trailing comma before '}' (column 7)"))
        #expect(Self.decode("42") == .problem(.wrongType, "the line is not a JSON object"))
        #expect(Self.decode(#"{"t":"2026-01-01T00:00:00Z"}"#) == .problem(.missingField, "missing field 'type'"))
        #expect(
            Self.decode(#"{"t":"2026-01-01T00:00:00Z","type":"warp"}"#)
                == .problem(.unknownType, "unknown event type 'warp'"))
    }
}
