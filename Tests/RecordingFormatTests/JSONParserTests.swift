import Testing

@testable import RecordingFormat

/// The one JSON parser: strict mode refuses, at its place, everything RFC 8259 does not allow, which
/// tolerant mode repairs and records.
@Suite("The JSON parser in its two modes")
struct JSONParserTests {
    static func parse(_ text: [UInt8], _ mode: JSONParser.Mode) -> Result<(JSONValue, [JSONRepair]), JSONDamage> {
        text.withUnsafeBytes { bytes in
            Result { () throws(JSONDamage) in
                let parsed = try JSONParser.parse(bytes, mode: mode)
                return (parsed.value, parsed.repairs)
            }
        }
    }

    @Test(
        "what RFC 8259 does not allow is damage in strict mode, at its column, and a recorded repair in tolerant mode",
        arguments: [
            (#"{"a":1,}"#, 7, "a trailing comma before '}'"),
            (#"[1,2 ,]"#, 6, "a trailing comma before ']'"),
            (#"[1 2]"#, 4, "no comma before this element"),
            (#"[01]"#, 2, "a number with a leading zero"),
            (#"[+1]"#, 2, "a number written with a leading '+'"),
            (#"[NaN]"#, 2, "the bare token 'NaN' is not a JSON number"),
            (#"[-Infinity]"#, 2, "the bare token '-Infinity' is not a JSON number"),
            ("[\"a\u{01}\"]", 4, "a raw control character in a string"),
            (#"["\ud800"]"#, 3, "an escape that names no Unicode scalar"),
            (#"{"a":1,"a":2}"#, 0, "strict keeps the later value"),
        ] as [(String, Int, String)])
    func repairsAreDamageWhenStrict(_ text: String, _ column: Int, _ problem: String) throws {
        let bytes = Array(text.utf8)
        let tolerant = try Self.parse(bytes, .tolerant).get()
        #expect(tolerant.1.count == 1)
        switch Self.parse(bytes, .strict) {
        case .success(let (value, repairs)):
            // Only a repeated name is read alike: RFC 8259 leaves which value wins to the reader.
            #expect(column == 0, "\(text) was accepted")
            #expect(repairs.isEmpty)
            #expect(value == tolerant.0)
        case .failure(let damage):
            #expect(damage.message == problem)
            #expect(damage.position.column == column)
            #expect(tolerant.1.first?.message.hasPrefix(problem + "; ") == true)
        }
    }

    @Test("bytes that are not UTF-8, a byte-order mark or a cut are damage in strict mode")
    func encodingAndCutsAreDamageWhenStrict() {
        for bytes: [UInt8] in [
            [0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D], [0xEF, 0xBB, 0xBF, 0x5B, 0x5D], Array(#"{"a":[1,2"#.utf8),
            Array(#"[1, 2"#.utf8), [0x5B, 0x00, 0x31, 0x00, 0x5D, 0x00],
        ] {
            guard case .failure = Self.parse(bytes, .strict) else {
                Issue.record("\(bytes) was accepted")
                continue
            }
        }
    }

    @Test("valid JSON reads alike in both modes, numbers as written and strings unescaped")
    func validJSONReadsAlike() throws {
        let text = #" {"n":[-0,1.50,2e-3,1E+2],"s":"\u00e9\ud83d\ude00\"\/\n","t":true,"f":false,"z":null,"o":{}} "#
        let strict = try Self.parse(Array(text.utf8), .strict).get()
        let tolerant = try Self.parse(Array(text.utf8), .tolerant).get()
        #expect(strict.0 == tolerant.0)
        #expect(tolerant.1.isEmpty)
        #expect(
            strict.0
                == .object([
                    "n": .array([.number("-0"), .number("1.50"), .number("2e-3"), .number("1E+2")]),
                    "s": .string("é😀\"/\n"), "t": .bool(true), "f": .bool(false), "z": .null, "o": .object([:]),
                ]))
        #expect(try Self.parse(Array("42".utf8), .strict).get().0 == .number("42"))
        #expect(try Self.parse(Array("true".utf8), .strict).get().0 == .bool(true))
    }

    @Test("nesting is refused past 512 levels in both modes")
    func deepNestingIsRefused() {
        for mode in [JSONParser.Mode.strict, .tolerant] {
            let fits = Array(repeating: UInt8(ascii: "["), count: 512) + Array(repeating: UInt8(ascii: "]"), count: 512)
            let deeper = [UInt8(ascii: "[")] + fits + [UInt8(ascii: "]")]
            #expect((try? Self.parse(fits, mode).get()) != nil)
            #expect((try? Self.parse(deeper, mode).get()) == nil)
        }
    }
}
