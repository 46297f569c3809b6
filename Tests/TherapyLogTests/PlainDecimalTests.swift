import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

/// The written layout's one-pass number readers agree with the exact reading of the parser's path.
@Suite("Plain decimals of the written layout")
struct PlainDecimalTests {
    @Test("a plain decimal reads as the parser's path reads it, or is left to it")
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
                for (fractionDigits, general) in [
                    (0, try? ObjectFields(["slot": .number(text)]).integer(.slot).description),
                    (3, (try? Percent(parsing: text))?.rawValue.description),
                    (6, (try? Nanoamps(parsing: text))?.rawValue.description),
                ] {
                    guard let (raw, length) = ByteCursor.plainDecimal(prefixOf: bytes, fractionDigits: fractionDigits),
                        length == bytes.count
                    else { continue }
                    answered += 1
                    if general != raw.description { mismatches.append("\(text) at \(fractionDigits) decimals") }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(answered > texts.count / 2)
    }

    @Test("a refused request's numbers keep their text as written, by either path")
    func plainNumberTextsAreKeptAsWritten() {
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
        var decoder = StrictLineDecoder()
        for text in texts {
            let line = Self.requestLine(text)
            let decoded = line.withUnsafeBytes { decoder.decodeEvent($0) }
            #expect(decoded == line.withUnsafeBytes { StrictLineDecoder.parsedEvent($0) })
            guard case .event(_, .rejected(let refusal)) = decoded else {
                Issue.record("\(text): \(decoded)")
                continue
            }
            #expect(refusal.request == .object(["amplitude": .number(text)]))
        }
        #expect(texts.count(where: { WrittenLayoutTests.decode(Self.requestLine($0)) != nil }) > texts.count / 2)
    }

    static func requestLine(_ number: String) -> [UInt8] {
        Array(
            #"{"t":"2026-01-05T08:00:00Z","type":"rejected","by":"patient","rules":["x"],"request":{"amplitude":\#(number)}}"#
                .utf8)
    }
}
