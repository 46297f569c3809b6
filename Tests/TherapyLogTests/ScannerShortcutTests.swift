import RecordingFormat
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

    @Test("a plain decimal reads as the general number path reads it, or is left to it")
    func plainDecimalsAgreeWithTheGeneralPath() {
        var generator = SeededGenerator(seed: 0xDEC1)
        var texts = ["0", "-0", "-0.0", "0.5", "100", "100.0", "64", "71.5", "99.999999", "4.5", "12.7", "25.5"]
        texts += ["999999999999999", "123456789012.3", "1.000000", "0.0000001", "-3", "-4.25", "9007199254740993"]
        for _ in 0..<20_000 {
            var text = Bool.random(using: &generator) ? "" : "-"
            let integerDigits = Int.random(in: 1...16, using: &generator)
            text += String(Int.random(in: 1...9, using: &generator))
            for _ in 1..<integerDigits { text += String(Int.random(in: 0...9, using: &generator)) }
            if Int.random(in: 0..<10, using: &generator) == 0 { text = text.hasPrefix("-") ? "-0" : "0" }
            let decimals = Int.random(in: 0...8, using: &generator)
            if decimals > 0 {
                text += "." + (0..<decimals).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            }
            texts.append(text)
        }
        var answered = 0
        var mismatches: [String] = []
        for text in texts {
            Array(text.utf8).withUnsafeBufferPointer { bytes in
                for fractionDigits in [0, 3, 6] {
                    guard let raw = JSONNumber.plainDecimal(bytes, fractionDigits: fractionDigits) else { continue }
                    answered += 1
                    let general: Int64?
                    switch JSONNumber(bytes) {
                    case .exact(let significand, let exponent, _):
                        general = JSONNumber.scaled(significand, exponent, byPowerOfTen: fractionDigits).value
                    case .text: general = nil
                    }
                    if general != raw { mismatches.append("\(text) at \(fractionDigits) decimals") }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(answered > texts.count / 2)
    }

    @Test("a plain decimal's text is the text Foundation's own chain gives it, exponent forms and zeros included")
    func plainDecimalTextsAgreeWithFoundation() {
        var generator = SeededGenerator(seed: 0xDEC2)
        var texts = ["0", "-0", "0.0", "-0.0", "0.000", "2.000", "7.5", "7.50", "100", "0.0001", "0.00012", "0.00001"]
        texts += ["-0.00001", "0.1234567890123", "99999999999999.9", "123456789012345", "1234567890123456", "1.0"]
        for _ in 0..<5_000 {
            var text = Bool.random(using: &generator) ? "" : "-"
            let integerDigits = Int.random(in: 1...14, using: &generator)
            let isBelowOne = Int.random(in: 0..<4, using: &generator) == 0
            text += isBelowOne ? "0" : String(Int.random(in: 1...9, using: &generator))
            if !isBelowOne {
                for _ in 1..<integerDigits { text += String(Int.random(in: 0...9, using: &generator)) }
            }
            let decimals = Int.random(in: 0...7, using: &generator)
            if decimals > 0 {
                // Zeros are likely, so that leading and trailing zeros of the fraction are common.
                let digits = (0..<decimals).map { _ in
                    Bool.random(using: &generator) ? "0" : String(Int.random(in: 0...9, using: &generator))
                }
                text += "." + digits.joined()
            }
            texts.append(text)
        }
        // Each number as the request of a refusal, which keeps it as text: read alike by both decoders.
        let lines = texts.map { text in
            Array(
                #"{"t":"2026-01-05T08:00:00Z","type":"rejected","by":"patient","rules":["x"],"request":{"amplitude":\#(text)}}"#
                    .utf8)
        }
        DifferentialDecodingTests.expectNoDifferences(lines)
        let known = ["7.50": "7.5", "2.000": "2.0", "-0": "0", "-0.0": "-0.0", "0.0001": "0.0001", "0.00001": "1e-05"]
        for (written, text) in known { #expect(FoundationNumber.text(written) == text, "\(written)") }
    }

    @Test("every schema key packs to itself alone, read whole words or byte by byte")
    func schemaKeys() {
        for key in SchemaKey.allCases {
            let bytes = Array(key.description.utf8)
            #expect(PackedText(bytes).flatMap(SchemaKey.init) == key, "\(key)")
            #expect(PackedText(bytes + [0x20]).flatMap(SchemaKey.init) == nil)
            #expect(PackedText(Array(bytes.dropLast())).flatMap(SchemaKey.init) == nil)
            #expect(SchemaKey(text: key.description) == key)
            // Read as the scanner reads a key: whole words from the key, or the line's last 16 bytes
            // shifted near its end, or byte by byte in a line shorter than 16 bytes.
            for (before, after) in [(1, 16), (1, 0), (20, 3), (0, 0)] {
                let line = Array(repeating: 0x20, count: before) + bytes + Array(repeating: 0x7D, count: after)
                let packed = line.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress.flatMap {
                        PackedText($0, count: buffer.count, from: before, length: bytes.count)
                    }
                }
                #expect(packed == PackedText(bytes), "\(key) \(before) \(after)")
            }
        }
        #expect(Set(SchemaKey.allCases.map(\.rawValue)).count == SchemaKey.allCases.count)
        // An object's tally of marks keeps one bit per schema key below bit 63, the text-compared keys' bit.
        #expect(SchemaKey.allCases.allSatisfy { $0.rawValue < 63 })
        #expect(!SchemaKey.allCases.contains { $0.rawValue == 0 || $0.rawValue == JSONToken.keyNeedsText })
        #expect(PackedText(Array("types".utf8)).flatMap(SchemaKey.init) == nil)
        #expect(PackedText([]).flatMap(SchemaKey.init) == nil)
        #expect(SchemaKey(text: "typ\u{0065}\u{0301}") == nil)
        #expect(PackedText(Array("patientRangeExtra".utf8)) == nil)
    }

    @Test("choices match exactly their spellings")
    func choices() {
        for kind in EventDecoder.Kind.allCases {
            let bytes = Array(kind.rawValue.utf8)
            #expect(PackedText(bytes).flatMap(EventDecoder.Kind.matching) == kind)
            #expect(PackedText(bytes + [0x20]).flatMap(EventDecoder.Kind.matching) == nil)
            #expect(PackedText(Array(bytes.dropLast())).flatMap(EventDecoder.Kind.matching) == nil)
        }
        for role in EventOrigin.allCases {
            #expect(PackedText(Array(role.rawValue.utf8)).flatMap(EventOrigin.matching) == role)
        }
        #expect(PackedText(Array("Patient".utf8)).flatMap(EventOrigin.matching) == nil)
    }

    @Test("every spelling of every choice packs, so a string too long to pack is none of them")
    func everySpellingPacks() {
        #expect(EventDecoder.Kind.packedSpellings.count == EventDecoder.Kind.allCases.count)
        #expect(EventOrigin.packedSpellings.count == EventOrigin.allCases.count)
        #expect(ChargeState.packedSpellings.count == ChargeState.allCases.count)
        #expect(Waveform.packedSpellings.count == Waveform.allCases.count)
        #expect(Recovery.packedSpellings.count == Recovery.allCases.count)
    }
}
