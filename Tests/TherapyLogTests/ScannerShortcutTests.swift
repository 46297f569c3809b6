import StimSafety
import Testing

@testable import TherapyLog

/// The word-at-a-time shortcuts of the scanner and the field look-up agree with the byte-at-a-time
/// definitions they replace.
@Suite("Scanner shortcuts")
struct ScannerShortcutTests {
    /// Whether a string byte needs the scanner's attention (the byte loop's test).
    static func needsAttention(_ byte: UInt8) -> Bool {
        byte == 0x22 || byte == 0x5C || byte &- 0x20 >= 0x60
    }

    /// The position of the first byte of `word` (memory order) that needs attention, or 8.
    static func firstByWord(_ word: UInt64) -> Int {
        let attention = JSONScanner.attentionBytes(word)
        return attention == 0 ? 8 : attention.trailingZeroBitCount / 8
    }

    static func firstByBytes(_ word: UInt64) -> Int {
        (0..<8).first { needsAttention(UInt8(truncatingIfNeeded: word >> UInt64($0 * 8))) } ?? 8
    }

    @Test("each single byte in each position")
    func singleBytes() {
        for byte in 0...255 {
            for position in 0..<8 {
                // Printable filler around the byte, and the byte after a run of each other value too.
                var word: UInt64 = 0x6161_6161_6161_6161
                word &= ~(UInt64(0xFF) << UInt64(position * 8))
                word |= UInt64(byte) << UInt64(position * 8)
                #expect(Self.firstByWord(word) == Self.firstByBytes(word), "byte \(byte) at \(position)")
            }
        }
    }

    @Test("random words mixing the bytes that matter")
    func randomWords() {
        var generator = SeededGenerator(seed: 0x5EED)
        let interesting: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xFF]
        var mismatches: [UInt64] = []
        for _ in 0..<100_000 {
            var word: UInt64 = 0
            for position in 0..<8 {
                let byte =
                    Bool.random(using: &generator)
                    ? interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
                word |= UInt64(byte) << UInt64(position * 8)
            }
            if Self.firstByWord(word) != Self.firstByBytes(word) { mismatches.append(word) }
        }
        #expect(mismatches.isEmpty, "words \(mismatches.prefix(5).map { String($0, radix: 16) })")
    }

    @Test("every schema key has its own number, and no other text takes one")
    func schemaKeys() {
        for (number, key) in SchemaKey.names.enumerated() {
            #expect(SchemaKey.number(of: key) == number, "\(key)")
            let bytes = Array(key.description.utf8)
            #expect(PackedText(bytes).flatMap(SchemaKey.number(of:)) == number)
            #expect(PackedText(bytes + [0x20]).flatMap(SchemaKey.number(of:)) == nil)
            #expect(PackedText(Array(bytes.dropLast())).flatMap(SchemaKey.number(of:)) == nil)
            #expect(SchemaKey.number(ofText: key.description) == number)
        }
        #expect(SchemaKey.names.count <= 40, "TapeFields keeps 40 values")
        #expect(SchemaKey.number(of: "types") == nil)
        #expect(SchemaKey.number(of: "") == nil)
        #expect(PackedText(Array("patientRangeExtra".utf8)) == nil)
    }

    @Test("choices match exactly their spellings")
    func choices() {
        for kind in EventDecoder.Kind.allCases {
            let bytes = Array(kind.rawValue.utf8)
            #expect(bytes.withUnsafeBytes { EventDecoder.Kind.matching($0) } == kind)
            #expect((bytes + [0x20]).withUnsafeBytes { EventDecoder.Kind.matching($0) } == nil)
            #expect(Array(bytes.dropLast()).withUnsafeBytes { EventDecoder.Kind.matching($0) } == nil)
        }
        for role in Role.allCases {
            #expect(Array(role.rawValue.utf8).withUnsafeBytes { Role.matching($0) } == role)
        }
        #expect(Array("Patient".utf8).withUnsafeBytes { Role.matching($0) } == nil)
    }

    @Test("every spelling of every choice packs, so a string too long to pack is none of them")
    func everySpellingPacks() {
        #expect(EventDecoder.Kind.packedSpellings.count == EventDecoder.Kind.allCases.count)
        #expect(Role.packedSpellings.count == Role.allCases.count)
        #expect(ChargeState.packedSpellings.count == ChargeState.allCases.count)
        #expect(Waveform.packedSpellings.count == Waveform.allCases.count)
        #expect(Recovery.packedSpellings.count == Recovery.allCases.count)
    }
}
