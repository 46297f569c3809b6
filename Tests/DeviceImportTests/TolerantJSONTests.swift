import DeviceImport
import Foundation
import RecordingFormat
import Testing
import TherapyLog

@Suite("The tolerant JSON reader")
struct TolerantJSONTests {
    static func read(_ text: String) throws -> TolerantJSON {
        try TolerantJSON(parsing: Array(text.utf8))
    }

    @Test("Strict JSON reads with no repairs")
    func strictJSONNeedsNoRepair() throws {
        let document = try Self.read(#"[{"a": 1.50, "b": [true, null, "x\u00e9\n"]}]"#)
        #expect(document.repairs.isEmpty)
        #expect(
            document.value
                == .array([.object(["a": .number("1.50"), "b": .array([.bool(true), .null, .string("xé\n")])])]))
    }

    @Test(
        "A bare non-finite token is read as null and the repair names its line",
        arguments: ["NaN", "-NaN", "Infinity", "-Infinity", "INF", "-inf", "+Infinity"])
    func nonFiniteTokensBecomeNull(token: String) throws {
        let document = try Self.read("[\n1,\n\(token),\n2]")
        #expect(document.value == .array([.number("1"), .null, .number("2")]))
        #expect(document.repairs.count == 1)
        #expect(document.repairs.first?.position.line == 3)
        #expect(document.repairs.first?.message.contains("'\(token)'") == true)
    }

    @Test(
        "A one-digit number with an exponent is a number, not a word",
        arguments: ["1e30", "5E-3", "1e+2", "-1e309", "0e0", "9E9"])
    func oneDigitExponents(number: String) throws {
        let document = try Self.read(#"{"a": \#(number)}"#)
        #expect(document.value == .object(["a": .number(number)]))
        #expect(document.repairs.isEmpty)
    }

    @Test("Trailing commas are dropped and reported, in arrays and in objects")
    func trailingCommas() throws {
        let document = try Self.read("{\"a\": [1, 2,],\n \"b\": 3,\n}")
        #expect(document.value == .object(["a": .array([.number("1"), .number("2")]), "b": .number("3")]))
        #expect(document.repairs.map(\.position.line) == [1, 2])
        #expect(document.repairs.allSatisfy { $0.message.contains("trailing comma") })
    }

    @Test("A missing comma between records is assumed and reported")
    func missingComma() throws {
        let document = try Self.read("[{\"a\": 1}\n{\"a\": 2}]")
        #expect(document.value.elementsCount == 2)
        #expect(document.repairs.count == 1)
        #expect(document.repairs.first?.position.line == 2)
    }

    @Test("A file cut off inside a record keeps the complete records and drops the cut one")
    func truncatedArrayKeepsCompleteRecords() throws {
        let document = try Self.read("[{\"a\": 1},\n{\"a\": 2},\n{\"a\": [3, 4")
        #expect(document.value == .array([.object(["a": .number("1")]), .object(["a": .number("2")])]))
        #expect(document.repairs.count == 1)
        #expect(document.repairs.first?.message.contains("kept the 2 complete records") == true)
        #expect(document.repairs.first?.position.line == 3)
    }

    @Test("A file cut off before its closing bracket keeps every record", arguments: ["[1, 2", "[1, 2,", "[1, 2 "])
    func truncatedAfterARecord(text: String) throws {
        let document = try Self.read(text)
        let expected: [JSONValue] = text.hasSuffix("2") ? [.number("1")] : [.number("1"), .number("2")]
        #expect(document.value == .array(expected))
        #expect(!document.repairs.isEmpty)
    }

    @Test("A cut-off object keeps its complete members")
    func truncatedObject() throws {
        let document = try Self.read("{\"a\": 1, \"b\": {\"c\": ")
        #expect(document.value == .object(["a": .number("1")]))
        #expect(document.repairs.count == 1)
    }

    @Test(
        "Damage no repair undoes is an error with its line",
        arguments: [
            ("", 1, "no JSON value"), ("[1, @]", 1, "'@' where a value should start"),
            ("[1]\n[2]", 2, "text follows"), ("[\n{\"a\" 1}]", 2, "expected ':'"), ("[tru]", 1, "the word 'tru'"),
            ("{", 1, "before its first complete member"), ("[{\"a\": ", 1, "before its first complete record"),
        ])
    func damage(text: String, line: Int, message: String) throws {
        let error = #expect(throws: JSONDamage.self) { try Self.read(text) }
        #expect(error?.position.line == line)
        #expect(error?.message.contains(message) == true)
    }
}

extension JSONValue {
    var elementsCount: Int {
        if case .array(let elements) = self { return elements.count }
        return -1
    }
}

@Suite("The tolerant JSON reader on every cut of a real-shaped file")
struct TolerantJSONTruncationTests {
    @Test("Each prefix of a session file reads as a prefix of its records, or is damage, never anything else")
    func everyPrefixKeepsCompleteRecordsOnly() throws {
        let bytes = Array(try Data(contentsOf: Fixtures.url("rcs-stimlog-only/StimLog.json")))
        let full = try TolerantJSON(parsing: bytes)
        guard case .array(let records) = full.value else {
            Issue.record("the fixture is an array of records")
            return
        }
        for length in 1..<bytes.count {
            guard let cut = try? TolerantJSON(parsing: Array(bytes[..<length])) else { continue }
            guard case .array(let kept) = cut.value else {
                Issue.record("a prefix of \(length) bytes read as \(cut.value.typeName)")
                continue
            }
            #expect(Array(records.prefix(kept.count)) == kept, "prefix of \(length) bytes")
            #expect(!cut.repairs.isEmpty || length >= bytes.count - 1, "prefix of \(length) bytes")
        }
    }
}
