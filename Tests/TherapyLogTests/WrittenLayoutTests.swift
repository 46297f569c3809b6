import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

/// The shortcut for lines in the writer's own layout: it reads what the writer writes, and any line
/// it takes decodes as the strict parser and the schema decode it (and as Foundation does).
@Suite("Lines in the written layout")
struct WrittenLayoutTests {
    static let generatedLines = 20_000
    static let mutatedLines = 30_000
    static let changedLines = 20_000

    static func decode(_ line: [UInt8]) -> DecodedLine? {
        var day: Timestamp.DayMemo?
        return line.withUnsafeBytes { WrittenLayout.decode($0, day: &day) }
    }

    /// Expects every line the shortcut takes to decode as the parser's path decodes it.
    static func expectSameAsParser(_ lines: [[UInt8]], sourceLocation: SourceLocation = #_sourceLocation) {
        let differing = lines.filter { line in
            guard let taken = decode(line) else { return false }
            return taken != line.withUnsafeBytes { StrictLineDecoder.parsedEvent($0) }
        }
        #expect(
            differing.isEmpty, "\(differing.prefix(3).map { String(decoding: $0, as: UTF8.self) })",
            sourceLocation: sourceLocation)
    }

    static let events: [RecordingEvent] = [
        .battery(Percent(units: 64)), .battery(Percent(rawValue: 71_500)), .battery(Percent(rawValue: 0)),
        .amplitude(slot: 1, amplitude: Nanoamps(rawValue: 5_100_000), by: .patient),
        .amplitude(slot: 12, amplitude: Nanoamps(rawValue: 25_500_001), by: .clinician),
        .amplitude(slot: 3, amplitude: Nanoamps(rawValue: 0), by: .device),
        .therapy(isOn: true, by: .patient), .therapy(isOn: false, by: .device),
        .activate(slot: 2, by: .clinician), .charge(.start), .charge(.end), .impedance([:]), .end,
        .fault(code: "lead-open", detail: "contact 3"), .fault(code: "", detail: nil), .fault(code: "x", detail: ""),
        .impedance([
            .lead(1): Milliohms(units: 812), .lead(16): Milliohms(rawValue: 4_000_500), .can: Milliohms(units: 95),
        ]),
        .impedance([.lead(0): Milliohms(units: 1), .lead(123_456_789): Milliohms(rawValue: 1)]),
        .rejected(
            RejectedCommand(
                by: .patient, rules: ["patientRange"],
                request: .object(["slot": .number("1"), "amplitude": .number("7.5")])
            )),
        .rejected(RejectedCommand(by: .device, rules: [], request: .object([:]))),
        .program(
            slot: 1,
            program: StimProgram(
                amplitude: Nanoamps(rawValue: 4_500_000), pulseWidth: Nanoseconds(units: 300),
                rate: .frequency(Millihertz(units: 50)),
                contacts: [ContactShare(.lead(2), Percent(units: -100)), ContactShare(.lead(3), Percent(units: 100))],
                patientRange: PatientRange(min: Nanoamps(units: 2), max: Nanoamps(rawValue: 6_500_000))),
            by: .clinician),
        .program(
            slot: 7,
            program: StimProgram(
                amplitude: Nanoamps(rawValue: 800_000), pulseWidth: Nanoseconds(units: 500),
                rate: .period(Nanoseconds(units: 25_000)), waveform: .burst, pulsesPerBurst: 4,
                intraBurstRate: Millihertz(units: 500),
                contacts: [
                    ContactShare(.lead(1), Percent(rawValue: -50_500)), ContactShare(.lead(12), Percent(units: 0)),
                    ContactShare(.can, Percent(rawValue: 50_500)),
                ],
                recovery: .passive, interphaseGap: Nanoseconds(units: 20),
                cycling: Cycling(on: Milliseconds(units: 10), off: Milliseconds(units: 30))),
            by: .patient),
        .program(
            slot: 2,
            program: StimProgram(
                amplitude: .zero, pulseWidth: Nanoseconds(units: 90), rate: .frequency(Millihertz(units: 10_000)),
                waveform: .highFrequency, contacts: []),
            by: .device),
        .rejected(
            RejectedCommand(
                by: .clinician, rules: ["amplitude.max", "charge density", "x"],
                request: .object(["on": .bool(true), "": .number("-0.25"), "b": .bool(false), "n": .number("0")]))),
    ]

    @Test("every event of the layout's types, as the writer writes it, takes the shortcut to the same event")
    func writtenEventsAreReadBack() {
        for (index, event) in Self.events.enumerated() {
            let time = Timestamp(nanosecondsSinceEpoch: 1_767_571_200_000_000_000 + Int64(index) * 1_000_000_001)
            let line = Array(event.recordingLine(at: time).utf8)
            #expect(Self.decode(line) == .event(time: time, event: event), "\(event)")
            #expect(line.withUnsafeBytes { StrictLineDecoder.parsedEvent($0) } == .event(time: time, event: event))
            #expect(DifferentialDecodingTests.difference(line) == nil)
        }
    }

    @Test(
        "a line in any other spelling, or with a problem, is left to the parser",
        arguments: [
            #"{"t":"2026-01-05T08:00:00Z", "type":"battery","percent":64}"#,
            #"{"type":"battery","t":"2026-01-05T08:00:00Z","percent":64}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":64}\#r"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":64,"note":1}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":64,}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":64"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":064}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":64.}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":6.4e1}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":-5}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":64.0001}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":null}"#,
            #"{"t":"2026-02-30T08:00:00Z","type":"battery","percent":64}"#,
            #"{"t":"2026-01-05T08:00:00\u005A","type":"battery","percent":64}"#,
            #"{"t":"2026-01-05T08:00:00+01:00","type":"battery","percent":64}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"amplitude","slot":0,"amplitude":4.5,"by":"patient"}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"amplitude","slot":1.0,"amplitude":4.5,"by":"patient"}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"amplitude","slot":1,"amplitude":4.5,"by":"nurse"}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"amplitude","slot":1,"amplitude":4.5,"by":"pati\u0065nt"}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"therapy","on":1,"by":"patient"}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"therapy","on":truee,"by":"patient"}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"charge","state":"stop"}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"rejected","by":"patient","rules":["r\u0061nge"],"request":{"on":true}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"rejected","by":"patient","rules":["é"],"request":{"on":true}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"rejected","by":"patient","rules":[1],"request":{"on":true}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"rejected","by":"patient","rules":[],"request":{"on":true,"on":false}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"rejected","by":"patient","rules":[],"request":{"slot":01}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"rejected","by":"patient","rules":[],"request":{"a":1e3}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"rejected","by":"patient","rules":[],"request":{"a":null}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"rejected","by":"patient","rules":[],"request":{"slot":1,"program":{}}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"rejected","by":"patient","rules":[],"request":[]}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":4.5,"pulseWidth":300,"frequency":50,"waveform":"tonic","contacts":{"2":-100,"2":100},"recovery":"active"}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":4.5,"pulseWidth":300,"frequency":50,"waveform":"tonic","contacts":{"x":-100},"recovery":"active"}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":4.5,"pulseWidth":300,"frequency":0,"waveform":"tonic","contacts":{},"recovery":"active"}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":4.5,"pulseWidth":300,"frequency":50,"waveform":"sine","contacts":{},"recovery":"active"}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":4.5,"pulseWidth":300,"frequency":50,"waveform":"tonic","contacts":{}}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":4.5,"pulseWidth":300,"frequency":50,"period":20000,"waveform":"tonic","contacts":{},"recovery":"active"}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":4.5,"pulseWidth":300,"frequency":50,"waveform":"tonic","pulsesPerBurst":0,"contacts":{},"recovery":"active"}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"impedance","ohms":{"1":812,"1":790}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"impedance","ohms":{"01":812}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"impedance","ohms":{"2":812,"1":790}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"impedance","ohms":{"case":95,"1":790}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"impedance","ohms":{"1234567890":812}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"impedance","ohms":{"x":812}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"impedance","ohms":{"1":812,}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"impedance","ohms":{"1":-812}}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"end","note":1}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"endx"}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"fault","code":"a\u0062"}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"fault","code":"é"}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"fault","detail":"x","code":"y"}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"fault","code":1}"#,
            #"{"t":"2026-01-05T08:00:00Z","type":"fault","code":"x","detail":null}"#,
        ])
    func otherSpellingsAreLeftToTheParser(_ line: String) {
        let bytes = Array(line.utf8)
        #expect(Self.decode(bytes) == nil)
        #expect(DifferentialDecodingTests.difference(bytes) == nil)
    }

    @Test("lines in the layout, valid or not, whole or damaged, decode as Foundation decodes them")
    func layoutLinesDecodeAsFoundationDoes() {
        var generator = LineGenerator(seed: DifferentialDecodingTests.seed &+ 11)
        var mutator = LineMutator(seed: DifferentialDecodingTests.seed &+ 12)
        let lines = (0..<Self.generatedLines).map { _ in generator.writtenLayoutLine() }
        let damaged = (0..<Self.mutatedLines).map { _ in mutator.mutate(generator.writtenLayoutLine()) }
        Self.expectSameAsParser(lines + damaged)
        DifferentialDecodingTests.expectNoDifferences(lines)
        DifferentialDecodingTests.expectNoDifferences(damaged)
        // Not vacuous: the shortcut takes a share of the lines (the others have an escape, a number in
        // another form or a mistake).
        #expect(lines.count(where: { Self.decode($0) != nil }) > Self.generatedLines / 20)
    }

    @Test("random programs as the writer writes them take the shortcut, and read alike with a byte changed")
    func writtenProgramsAreReadBackAndChangedAlike() {
        var random = SeededGenerator(seed: DifferentialDecodingTests.seed &+ 15)
        let replacements = Array("0123456789.-+eE\"\\ ,}{:".utf8)
        var changed: [[UInt8]] = []
        for index in 0..<1_000 {
            let event = RecordingEvent.program(
                slot: Slot(number: .random(in: 1...16, using: &random)) ?? 1, program: Self.randomProgram(&random),
                by: random.pick([.patient, .clinician, .device]))
            let time = Timestamp(nanosecondsSinceEpoch: 1_767_571_200_000_000_000 + Int64(index) * 1_000_000_001)
            let line = Array(event.recordingLine(at: time).utf8)
            #expect(Self.decode(line) == .event(time: time, event: event), "\(String(decoding: line, as: UTF8.self))")
            for _ in 0..<10 {
                var copy = line
                copy[Int.random(in: 0..<copy.count, using: &random)] = random.pick(replacements)
                changed.append(copy)
            }
        }
        Self.expectSameAsParser(changed)
        DifferentialDecodingTests.expectNoDifferences(changed)
    }

    /// A program with every optional field set or not, at random.
    static func randomProgram(_ random: inout SeededGenerator) -> StimProgram {
        func quantity<Quantity: FixedPoint>(_: Quantity.Type, upTo units: Int64) -> Quantity {
            // A whole number of units, or one with one to three decimals.
            let step = random.pick([
                Quantity.subunitsPerUnit, Quantity.subunitsPerUnit / 10, Quantity.subunitsPerUnit / 1_000,
            ])
            return Quantity(
                rawValue: Int64.random(in: 0...units * Quantity.subunitsPerUnit / step, using: &random) * step)
        }
        let leads = Array((0...16).shuffled(using: &random).prefix(Int.random(in: 0...5, using: &random)))
        var contacts = leads.map {
            ContactShare(.lead($0), Percent(rawValue: Int64.random(in: -100...100, using: &random) * 1_000))
        }
        if Bool.random(using: &random) { contacts.append(ContactShare(.can, Percent(units: 100))) }
        var program = StimProgram(
            amplitude: quantity(Nanoamps.self, upTo: 25), pulseWidth: quantity(Nanoseconds.self, upTo: 1_000),
            rate: Bool.random(using: &random)
                ? .frequency(Millihertz(rawValue: quantity(Millihertz.self, upTo: 10_000).rawValue + 1))
                : .period(Nanoseconds(rawValue: quantity(Nanoseconds.self, upTo: 50_000).rawValue + 1)),
            waveform: random.pick(Waveform.allCases), contacts: contacts.sorted { $0.contact < $1.contact },
            recovery: random.pick(Recovery.allCases))
        if Bool.random(using: &random) { program.pulsesPerBurst = Int.random(in: 1...10, using: &random) }
        if Bool.random(using: &random) { program.intraBurstRate = quantity(Millihertz.self, upTo: 1_000) }
        if Bool.random(using: &random) { program.interphaseGap = quantity(Nanoseconds.self, upTo: 100) }
        if Bool.random(using: &random) {
            program.cycling = Cycling(
                on: quantity(Milliseconds.self, upTo: 60), off: quantity(Milliseconds.self, upTo: 60))
        }
        if Bool.random(using: &random) {
            program.patientRange = PatientRange(
                min: quantity(Nanoamps.self, upTo: 5), max: quantity(Nanoamps.self, upTo: 25))
        }
        return program
    }

    @Test("a line the shortcut takes, with a byte changed to one that may go on a number or end a value, reads alike")
    func bytesChangedInTakenLines() {
        var generator = LineGenerator(seed: DifferentialDecodingTests.seed &+ 13)
        var random = SeededGenerator(seed: DifferentialDecodingTests.seed &+ 14)
        let replacements = Array("0123456789.-+eE\"\\ ,}".utf8)
        var changed: [[UInt8]] = []
        while changed.count < Self.changedLines {
            let line = generator.writtenLayoutLine()
            guard Self.decode(line) != nil else { continue }
            for _ in 0..<10 {
                var copy = line
                copy[Int.random(in: 0..<copy.count, using: &random)] = random.pick(replacements)
                changed.append(copy)
            }
        }
        Self.expectSameAsParser(changed)
        DifferentialDecodingTests.expectNoDifferences(changed)
        // Not vacuous: many changed lines are still in the layout, with other values (fewer of the
        // long program lines, where a change more often breaks the layout).
        #expect(changed.count(where: { Self.decode($0) != nil }) > Self.changedLines / 20)
    }

    @Test(
        "a plain decimal is read from the start of the bytes up to the first byte that cannot go on with it",
        arguments: [
            ("64}", 0, 64, 2), ("71.5,", 3, 71_500, 4), ("-0", 0, 0, 2), ("0.5", 1, 5, 3), ("1e3", 0, 1, 1),
            ("4.5.6", 1, 45, 3), ("123456789012345", 0, 123_456_789_012_345, 15), ("-4.25\"", 2, -425, 5),
        ] as [(String, Int, Int64, Int)])
    func plainDecimalPrefixes(_ text: String, _ fractionDigits: Int, _ value: Int64, _ length: Int) {
        let read = Array(text.utf8).withUnsafeBufferPointer {
            ByteCursor.plainDecimal(prefixOf: $0, fractionDigits: fractionDigits)
        }
        #expect(read?.value == value)
        #expect(read?.length == length)
    }

    @Test(
        "a number JSON does not allow, or one too long or too fine to read in one pass, is left to the general path",
        arguments: ["01", "-01", "00.5", "1.", "1.}", "-", "-x", ".5", "", "x", "1234567890123456", "64.0001"])
    func notPlainDecimals(_ text: String) {
        let read = Array(text.utf8).withUnsafeBufferPointer { ByteCursor.plainDecimal(prefixOf: $0, fractionDigits: 3) }
        #expect(read == nil)
    }
}
