import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

/// The one-pass scan of flat lines is a shortcut of the general scan: wherever it answers, it writes
/// the very tokens the general scan writes (schema-key marks included, as token equality compares) and reports the same numbers;
/// wherever it declines, the general scan decides.
@Suite("Flat scan")
struct FlatScanTests {
    /// The general scan's tokens of `line`, or nil when it is not JSON.
    static func generalTokens(_ line: [UInt8]) -> (tokens: [JSONToken], hasUnrepresentable: Bool)? {
        var tokens: [JSONToken] = []
        let outcome = line.withUnsafeBytes { JSONScanner.scan($0, into: &tokens) }
        guard case .scanned(let hasUnrepresentable) = outcome else { return nil }
        return (tokens, hasUnrepresentable)
    }

    /// The flat scan's tokens of `line`, or nil when it declines.
    static func flatTokens(_ line: [UInt8]) -> (tokens: [JSONToken], hasUnrepresentable: Bool)? {
        var buffer = [JSONToken](
            repeating: JSONToken(kind: .null, flags: [], start: 0, end: 0, next: 0),
            count: JSONScanner.flatTokenLimit)
        let scanned = line.withUnsafeBytes { bytes in
            buffer.withUnsafeMutableBufferPointer { JSONScanner.scanFlatObject(bytes, into: $0) }
        }
        return scanned.map { (Array(buffer.prefix($0.tokenCount)), $0.hasUnrepresentable) }
    }

    @Test("generated and damaged lines: the flat scan agrees with the general one wherever it answers")
    func agreesWithTheGeneralScan() {
        var generator = LineGenerator(seed: 0xF1A7)
        var mutator = LineMutator(seed: 0xF1A7)
        var lines = (0..<5_000).map { _ in generator.eventLine() }
        lines += lines.prefix(5_000).map { mutator.mutate($0) }
        var answered = 0
        var declinedObjects = 0
        for line in lines {
            guard let flat = Self.flatTokens(line) else {
                if Self.generalTokens(line)?.tokens.first?.kind == .object { declinedObjects += 1 }
                continue
            }
            answered += 1
            let general = Self.generalTokens(line)
            #expect(general != nil, "the general scan refuses \(String(decoding: line, as: UTF8.self))")
            guard let general else { continue }
            #expect(flat.tokens == general.tokens, "\(String(decoding: line, as: UTF8.self))")
            #expect(flat.hasUnrepresentable == general.hasUnrepresentable)
            #expect(flat.tokens.dropFirst().allSatisfy { $0.kind != .object && $0.kind != .array })
        }
        // Not vacuous: most valid objects are flat, and nested ones are left to the general scan.
        #expect(answered > lines.count / 4)
        #expect(declinedObjects > 100)
    }

    @Test("a schema key written with escapes is marked for a look-up by its text")
    func escapedKeysAreLookedUpByText() throws {
        let line = Array(#"{"\u0074":"2026-01-05T08:00:00Z","typ\u0065":"battery","percent":64}"#.utf8)
        let flat = try #require(Self.flatTokens(line))
        #expect(flat.tokens[1].schemaKey == JSONToken.keyNeedsText)
        #expect(flat.tokens[5].schemaKey == SchemaKey.percent.rawValue)
        var decoder = ScanningLineDecoder()
        let decoded = line.withUnsafeBytes { decoder.decodeEvent($0) }
        guard case .event(_, .battery(let percent)) = decoded else {
            Issue.record("not a battery event: \(decoded)")
            return
        }
        #expect(percent.rawValue == 64 * Percent.subunitsPerUnit)
    }

    /// Keys of every length around the 16 bytes a key is read in, and keys that are not plain.
    static let awkwardKeys = [
        "", "t", "by", "type", "percent", "amplitude", "ampli", "patientRange", "pulsesPerBurst", "abcdefghijklmnop",
        "abcdefghijklmnopq", "patientRangeExtra", #"\u0074ype"#, #"ty\"pe"#, "\u{FEFF}type", "tÿpe",
        "typ\u{0065}\u{0301}",
    ]

    @Test(
        "a key is marked with the schema key its text spells, wherever it stands in the line",
        arguments: awkwardKeys)
    func keysAreMarkedWhereverTheyStand(key: String) throws {
        for padding in [0, 1, 7, 15, 16, 40] {
            let line = Array(#"{"\#(key)":\#(String(repeating: " ", count: padding))1}"#.utf8)
            let general = try #require(Self.generalTokens(line))
            let flat = try #require(Self.flatTokens(line))
            #expect(flat.tokens == general.tokens)
            let token = flat.tokens[1]
            let text = String(decoding: line[Int(token.start)..<Int(token.end)], as: UTF8.self)
            let plain = token.flags == .verbatim
            #expect(plain == key.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 0x5C && $0 != 0x22 })
            let expected = plain ? SchemaKey(text: text)?.rawValue ?? 0 : JSONToken.keyNeedsText
            #expect(token.schemaKey == expected, "\(key) padded \(padding)")
        }
    }

    @Test(
        "an object is marked when a schema key may be written twice, and the last value is the one read",
        arguments: [
            (#"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":64}"#, false),
            (#"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":1,"percent":64}"#, true),
            (#"{"t":"2026-01-05T08:00:00Z","type":"battery","percent":1,"perc\u0065nt":64}"#, true),
            (#"{"t":"2026-01-05T08:00:00Z","type":"battery","p\u0065rcent":1,"percent":64}"#, true),
            (#"{"t":"2026-01-05T08:00:00Z","type":"battery","x":1,"x":2,"percent":64}"#, false),
        ])
    func repeatedSchemaKeysAreMarked(_ text: String, _ mayRepeat: Bool) throws {
        let line = Array(text.utf8)
        let flat = try #require(Self.flatTokens(line))
        #expect(flat.tokens[0].flags.contains(.mayRepeatSchemaKey) == mayRepeat)
        #expect(Self.generalTokens(line)?.tokens == flat.tokens)
        var decoder = ScanningLineDecoder()
        guard case .event(_, .battery(let percent)) = line.withUnsafeBytes({ decoder.decodeEvent($0) }) else {
            Issue.record("not a battery event")
            return
        }
        #expect(percent.rawValue == 64 * Percent.subunitsPerUnit)
    }

    @Test("a line with more members than the flat scan holds is read by the general scan, alike")
    func manyMembersFallBackToTheGeneralScan() {
        let extra = (0..<JSONScanner.flatTokenLimit).map { #""x\#($0)":\#($0)"# }.joined(separator: ",")
        let line = Array(#"{"t":"2026-01-05T08:00:00Z","type":"battery",\#(extra),"percent":64}"#.utf8)
        #expect(Self.flatTokens(line) == nil)
        #expect(Self.generalTokens(line) != nil)
        #expect(DifferentialDecodingTests.difference(line) == nil)
        var decoder = ScanningLineDecoder()
        guard case .event(_, .battery) = line.withUnsafeBytes({ decoder.decodeEvent($0) }) else {
            Issue.record("not a battery event")
            return
        }
    }
}
