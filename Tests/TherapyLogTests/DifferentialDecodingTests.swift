import Foundation
import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

/// The strict decoder reads every line as Foundation's parser does (the same event, or a finding of
/// the same kind), except where the recording format is stricter on purpose
/// (``isDeliberatelyDifferent(_:)``).
///
/// Lines come from a seeded generator (valid events in many spellings, with schema mistakes) and from
/// damaging them; a failure prints the line so that it can become a case of its own.
@Suite("Strict decoder against Foundation")
struct DifferentialDecodingTests {
    static let seed: UInt64 = 0x5C5_2026
    static let generatedLines = 20_000
    static let mutatedLines = 30_000
    static let reencodedLines = 2_000
    static let headerLines = 3_000

    /// Whether the recording format reads `line` differently from Foundation on purpose
    /// (`docs/recording-format.md` §1): bytes that are not UTF-8, a NUL or a byte-order mark
    /// (Foundation reads UTF-16 and UTF-32 and drops marks), a trailing comma (Foundation accepts
    /// one), or a number of 16 digits or more or with an exponent of three digits, which Foundation
    /// rounds through a `Double` or refuses, while a recording's numbers are read exactly as written.
    static func isDeliberatelyDifferent(_ line: [UInt8]) -> Bool {
        guard let text = String(validating: line, as: UTF8.self), !line.contains(0),
            !text.unicodeScalars.contains("\u{FEFF}")
        else { return true }
        let patterns = [#/,[ \t\r\n]*[\]}]/#, #/[0-9]{16}/#, #/[eE][+-]?[0-9]{3}/#, #/[0-9][eE][+-]?[0-9]{2}/#]
        return patterns.contains { text.contains($0.matchingSemantics(.unicodeScalar)) }
    }

    /// How the two decoders read one line, when they differ.
    struct Difference: CustomStringConvertible {
        var line: [UInt8]
        var reference: String
        var scanned: String

        var description: String {
            let text = String(decoding: line, as: UTF8.self).unicodeScalars.map { $0.escaped(asASCII: true) }.joined()
            return "line \(text) (bytes \(line.prefix(16).map { String($0, radix: 16) })):\n"
                + "  Foundation: \(reference)\n  strict:     \(scanned)"
        }
    }

    /// The outcomes compared: an event exactly, a problem by its kind.
    static func outcome(_ decoded: DecodedLine) -> String {
        switch decoded {
        case .event(let time, let event): "event at \(time): \(event)"
        case .problem(let kind, _): "problem \(kind.rawValue)"
        }
    }

    /// How the two decoders read `line` when they differ and the format does not mean them to.
    static func difference(_ line: [UInt8]) -> Difference? {
        guard !isDeliberatelyDifferent(line) else { return nil }
        var reference = FoundationLineDecoder()
        var decoder = StrictLineDecoder()
        let expected = line.withUnsafeBytes { reference.decodeEvent($0) }
        let actual = line.withUnsafeBytes { decoder.decodeEvent($0) }
        let isSame: Bool
        switch (expected, actual) {
        case (.event(let time, .rejected(let one)), .event(let otherTime, .rejected(let other))):
            isSame =
                time == otherTime && one.by == other.by && one.rules == other.rules
                && byValue(one.request) == byValue(other.request)
        case (.event, .event): isSame = expected == actual
        case (.problem(let one, _), .problem(let other, _)): isSame = one == other
        default: isSame = false
        }
        return isSame ? nil : Difference(line: line, reference: outcome(expected), scanned: outcome(actual))
    }

    /// `value` with each number as the text of its nearest `Double` (zero without a sign): a refused
    /// request keeps its numbers as written, where Foundation gives them as an integer or a `Double`.
    static func byValue(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let text): .number(Double(text).map { $0 == 0 ? "0" : String(describing: $0) } ?? text)
        case .array(let elements): .array(elements.map(byValue))
        case .object(let members): .object(members.mapValues(byValue))
        default: value
        }
    }

    static func expectNoDifferences(_ lines: [[UInt8]], sourceLocation: SourceLocation = #_sourceLocation) {
        let differences = lines.compactMap(difference)
        // Not vacuous: many lines are compared (among damaged lines, a random byte is often not UTF-8).
        #expect(
            lines.count(where: isDeliberatelyDifferent) < lines.count * 3 / 4,
            "\(lines.count) lines, most not compared",
            sourceLocation: sourceLocation)
        let report =
            "\(differences.count) of \(lines.count) lines differ; the first:\n"
            + differences.prefix(5).map(\.description).joined(separator: "\n")
        #expect(differences.isEmpty, "\(report)", sourceLocation: sourceLocation)
    }

    @Test func generatedLinesDecodeToTheSameEventsAndFindings() {
        var generator = LineGenerator(seed: Self.seed)
        let lines = (0..<Self.generatedLines).map { _ in generator.eventLine() }
        Self.expectNoDifferences(lines)
        // Not vacuous: most lines are events, and every kind of line finding occurs.
        var decoder = StrictLineDecoder()
        var events = 0
        var kinds: Set<ReadingFinding.Kind> = []
        for line in lines {
            switch line.withUnsafeBytes({ decoder.decodeEvent($0) }) {
            case .event: events += 1
            case .problem(let kind, _): kinds.insert(kind)
            }
        }
        #expect(events > Self.generatedLines / 3)
        #expect(kinds == [.invalidJSON, .missingField, .wrongType, .unknownType])
    }

    @Test func damagedLinesDecodeToTheSameEventsAndFindings() {
        var generator = LineGenerator(seed: Self.seed &+ 1)
        var mutator = LineMutator(seed: Self.seed &+ 2)
        let lines = (0..<Self.mutatedLines).map { _ in mutator.mutate(generator.eventLine()) }
        Self.expectNoDifferences(lines)
    }

    @Test func anImpedanceMapWithTwoContactsEachNamedTwiceAlwaysReportsTheSmallest() {
        // Found by the recording-line fuzzer: the map's members come in no fixed order, so which
        // repeated contact was named depended on the dictionary's order.
        let line = Array(
            #"{"t":"2026-03-29T10:00:00Z","type":"impedance","ohms":{"7":7,"6":663,"07":585,"06":625,"case":79}}"#
                .utf8)
        for _ in 0..<20 {
            var decoder = StrictLineDecoder()
            let outcome = line.withUnsafeBytes { decoder.decodeEvent($0) }
            guard case .problem(.wrongType, let message) = outcome else {
                Issue.record("read as \(outcome)")
                return
            }
            #expect(message == "field 'ohms': contact 6 is given more than once (as '06' and '6')")
        }
    }

    @Test func linesInUTF16AndUTF32AreInvalidJSON() {
        var generator = LineGenerator(seed: Self.seed &+ 3)
        var mutator = LineMutator(seed: Self.seed &+ 4)
        var decoder = StrictLineDecoder()
        for _ in 0..<Self.reencodedLines {
            let line = generator.eventLine()
            let encoded = mutator.reencode(line)
            guard encoded.contains(0) else { continue }
            let outcome = encoded.withUnsafeBytes { decoder.decodeEvent($0) }
            guard case .problem(.invalidJSON, _) = outcome else {
                Issue.record("\(encoded.prefix(16)) read as \(outcome)")
                return
            }
        }
    }

    @Test func headersDecodeToTheSameHeaderOrTheSameError() {
        var generator = LineGenerator(seed: Self.seed &+ 5)
        var mutator = LineMutator(seed: Self.seed &+ 6)
        var differences: [String] = []
        for index in 0..<Self.headerLines {
            let line = index % 3 == 0 ? mutator.mutate(generator.headerLine()) : generator.headerLine()
            if Self.isDeliberatelyDifferent(line) { continue }
            var reference = FoundationLineDecoder()
            var decoder = StrictLineDecoder()
            let expected = line.withUnsafeBytes { bytes in
                Result { () throws(RecordingError) in try reference.decodeHeader(bytes) }
            }
            let actual = line.withUnsafeBytes { bytes in
                Result { () throws(RecordingError) in try decoder.decodeHeader(bytes) }
            }
            switch (expected, actual) {
            case (.success(let one), .success(let other)) where one == other: continue
            case (.failure(let one), .failure(let other)) where Self.reasonKind(one) == Self.reasonKind(other): continue
            default: differences.append("\(String(decoding: line, as: UTF8.self)): \(expected) vs \(actual)")
            }
        }
        #expect(differences.isEmpty, "\(differences.count) headers differ: \(differences.prefix(5))")
    }

    static func reasonKind(_ error: RecordingError) -> String {
        switch error.reason {
        case .notARecording: "notARecording"
        case .newerVersion(let version): "newerVersion \(version)"
        case .invalidHeader: "invalidHeader"
        default: "\(error.reason)"
        }
    }

    /// Cases found worth keeping by name: each a line and what the strict decoder makes of it, which
    /// Foundation must make of it too unless the line is one of the deliberate differences.
    @Test(arguments: [
        (#"{"t":"2026-01-05T08:00:00Z","type":"therapy","on":true,"by":"patient",}"#, "invalid-json"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"therapy","on":false,"on":true,"by":"patient"}"#, "event"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"therapy","on":true,"by":"patient","x":1e400}"#, "event"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"therapy","on":true,"by":"patient","x":[[[1,],],]}"#, "invalid-json"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"therapy","on":true,"by":"patient","x":[[[1]]]}"#, "event"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":064}"#, "invalid-json"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":+64}"#, "invalid-json"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":NaN}"#, "invalid-json"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":64 "type":"end"}"#, "invalid-json"),
        (#"{"\u0074":"2026-01-05T08:00:00Z","typ\u0065":"battery","percent":6.4e1}"#, "event"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":64.000000000000000001}"#, "wrong-type"),
        (
            #"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":64.0000000000000000000000000000000000000001}"#,
            "wrong-type"
        ),
        (#"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":-0.0}"#, "event"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":-1e-400}"#, "wrong-type"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"activate","slot":1.0000000000000000001,"by":"device"}"#, "wrong-type"),
        (
            #"{"t":"2026-01-05T08:00:00Z","type":"activate","slot":1.00000000000000000000000000000000000000001,"by":"device"}"#,
            "wrong-type"
        ),
        (#"{"t":"2026-01-05T08:00:00Z","type":"activate","slot":-1e400,"slot":2,"by":"device"}"#, "event"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"activate","slot":2,"x":{"y":-1e400,"y":0},"by":"device"}"#, "event"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"activate","slot":10000000000000.0000,"by":"device"}"#, "event"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"activate","slot":1e13,"by":"device"}"#, "event"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"activate","slot":1e19,"by":"device"}"#, "wrong-type"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"impedance","ohms":{"1":800,"01":900}}"#, "wrong-type"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"impedance","ohms":{"1":null,"2":"x"}}"#, "missing-field"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"fault","code":"\ud83d\ude00","detail":"\ud83d"}"#, "invalid-json"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"fault","code":"a\/b","detail":"\u0000"}"#, "event"),
        ("{\"t\":\"2026-01-05T08:00:00Z\",\"type\":\"\u{FEFF}end\"}", "unknown-type"),
        ("\u{FEFF}{\"t\":\"2026-01-05T08:00:00Z\",\"type\":\"end\"}", "invalid-json"),
        ("{\"t\":\"2026-01-05T08:00:00Z\",\"type\":\"fault\",\"code\":\"a\u{01}b\"}", "invalid-json"),
        ("{\"t\":\"2026-01-05T08:00:00Z\",\"type\":\"e\u{FEFF}nd\"}", "unknown-type"),
        (#"{"t":"2026-01-05T08:00:00Z","type":"end"} x"#, "invalid-json"),
        (#"[{"t":"2026-01-05T08:00:00Z","type":"end"}]"#, "wrong-type"),
        (" \t\r", "invalid-json"),
    ])
    func notableLinesDecodeAlike(_ line: String, _ expected: String) throws {
        let bytes = Array(line.utf8)
        #expect(Self.difference(bytes) == nil)
        var decoder = StrictLineDecoder()
        let outcome = bytes.withUnsafeBytes { decoder.decodeEvent($0) }
        switch outcome {
        case .event: #expect(expected == "event")
        case .problem(let kind, let message): #expect(kind.rawValue == expected, "\(message)")
        }
    }

    /// The strict decoder's outcome for an impedance line of contacts 1…60, each once, then the members
    /// `extra`; Foundation's reference must agree.
    static func longMapOutcome(then extra: String, sourceLocation: SourceLocation = #_sourceLocation) -> DecodedLine {
        let members = (1...60).map { #""\#($0)":\#(500 + $0)"# }.joined(separator: ",")
        let line = Array(#"{"t":"2026-01-05T08:00:00Z","type":"impedance","ohms":{\#(members)\#(extra)}}"#.utf8)
        #expect(difference(line) == nil, sourceLocation: sourceLocation)
        var decoder = StrictLineDecoder()
        return line.withUnsafeBytes { decoder.decodeEvent($0) }
    }

    @Test(
        "a key repeated in a map of many keeps its last value, however it is spelled",
        arguments: [
            (#","7":1"#, ContactID.lead(7)), (#","\u0037":1"#, .lead(7)), (#","60":1"#, .lead(60)),
            (#","case":2,"case":1"#, .can), (#","case":2,"\u0063ase":1"#, .can), (#","\u0063ase":2,"case":1"#, .can),
        ])
    func repeatedKeysInLongMapsKeepTheLastValue(_ repeated: String, _ contact: ContactID) {
        guard case .event(_, .impedance(let ohms)) = Self.longMapOutcome(then: repeated) else {
            Issue.record("not an impedance event")
            return
        }
        #expect(ohms[contact] == Milliohms(units: 1))
        #expect(ohms.count == (contact == .can ? 61 : 60))
    }

    @Test(
        "a contact written two ways in a map of many is a problem",
        arguments: [#","07":1"#, #","060":1"#, #","case":1,"\u0030\u0033":1"#])
    func contactsWrittenTwoWaysInLongMapsAreFound(_ extra: String) {
        guard case .problem(.wrongType, let message) = Self.longMapOutcome(then: extra) else {
            Issue.record("the contact written twice went unnoticed")
            return
        }
        #expect(message.contains("more than once"), "\(message)")
    }

    @Test("a map of many distinct contacts keeps every one")
    func longMapsOfDistinctContactsAreRead() {
        for extra in ["", #","case":1"#, #","\u0063ase":1"#, #","\u0036\u0031":1"#] {
            guard case .event(_, .impedance(let ohms)) = Self.longMapOutcome(then: extra) else {
                Issue.record("not an impedance event")
                continue
            }
            #expect(ohms.count == (extra.isEmpty ? 60 : 61))
        }
    }

    @Test(
        "numbers of every form, wherever they stand in a line, are accepted exactly when RFC 8259's grammar allows them"
    )
    func numbersAreParsedByTheGrammar() {
        let forms = [
            "0", "-0", "01", "-", "-01", "1.", ".5", "1e", "1e+", "1E-0", "00", "0.000000001", "0.0000000001e309",
            "12345678", "123456789", "1234567812345678", "12345678123456781", "1" + String(repeating: "0", count: 40),
            "0." + String(repeating: "0", count: 20) + "1e330", "9.9e307", "1.8e308", "17976931348623157e292",
            "-1e309", "1.5e-400", "2a", "3.4.5", "7e2e3", "1234567890.0987654321", "+1", "-+1", "1e+-2", "0x1",
        ]
        let texts =
            forms + LineGenerator.milliampTexts + LineGenerator.badMilliampTexts + LineGenerator.percents
            + LineGenerator.badPercents
        let grammar = #/-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/#
        var mismatches: [String] = []
        for text in texts {
            let isNumber = text.wholeMatch(of: grammar) != nil
            for line in [
                text, "[\(text)]", #"{"k":\#(text)}"#, #"{"k":\#(text),"pad":"0123456789abcdef"}"#, " \(text) ",
            ] {
                let parsed = Array(line.utf8).withUnsafeBytes { bytes in
                    try? JSONParser.parse(bytes, mode: .strict).value
                }
                if (parsed != nil) != isNumber { mismatches.append(line) }
            }
            if isNumber,
                case .number(let kept)? = Array(text.utf8).withUnsafeBytes({
                    try? JSONParser.parse($0, mode: .strict).value
                })
            {
                #expect(kept == text, "a number keeps its text as written")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
}
