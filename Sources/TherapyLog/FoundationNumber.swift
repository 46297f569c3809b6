import Foundation

/// What Foundation's `JSONSerialization` turns a JSON number into, written as
/// ``FoundationLineDecoder`` writes it: the scanner's path for the numbers it cannot read exactly on
/// its own (long, very large or very small ones), so that both decoders see the same value.
enum FoundationNumber {
    /// The text for the valid JSON number `text`, or nil when Foundation cannot represent it.
    ///
    /// The same choices as `JSONSerialization`: an integer (no `.` and no lowercase `e`) within 19
    /// characters (negative) or 20 as `Int64`/`UInt64`; more than 17 characters before a lowercase `e`
    /// with an exponent within ±128 as `Decimal`; anything else as a finite `Double`.
    static func text(_ text: String) -> String? {
        if let plain = text.utf8.withContiguousStorageIfAvailable(plainText) ?? nil { return plain }
        let exponentIndex = text.firstIndex(of: "e")
        let isInteger = !text.utf8.contains(UInt8(ascii: ".")) && exponentIndex == nil
        let isNegative = text.utf8.first == UInt8(ascii: "-")
        let digitCount = text[..<(exponentIndex ?? text.endIndex)].count
        if isInteger {
            if isNegative, digitCount <= 19, let value = Int64(text) { return String(value) }
            if !isNegative, digitCount <= 20, let value = UInt64(text) { return String(value) }
        }
        var exponent = 0
        if let exponentIndex, let written = Int(text[text.index(after: exponentIndex)...]) { exponent = written }
        if digitCount > 17, (-128...127).contains(exponent), let decimal = Decimal(string: text), decimal.isFinite {
            return NSDecimalNumber(decimal: decimal).description
        }
        if let double = Double(text), double.isFinite { return String(describing: double) }
        return nil
    }

    /// The chain's text for a plain decimal of at most 15 bytes (`-`, digits, a fraction, no
    /// exponent), worked out from its digits, as the chain costs thousands of instructions; nil for
    /// any other number.
    ///
    /// An integer is kept as `Int64`, which drops only the sign of `-0`. Any other such number has at
    /// most 15 significant digits, so the `Double` nearest to it has it as its shortest text, which
    /// Swift writes without the fraction's trailing zeros but with one digit after the point, and in
    /// exponent form below 0.0001 (left to the chain).
    static func plainText(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.isEmpty, bytes.count <= 15 else { return nil }
        let integerStart = bytes[0] == UInt8(ascii: "-") ? 1 : 0
        var index = integerStart
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
        let integerDigits = index - integerStart
        guard integerDigits == 1 || (integerDigits > 1 && bytes[integerStart] != UInt8(ascii: "0")) else {
            return nil
        }
        if index == bytes.count {
            let isNegativeZero = integerStart == 1 && bytes[1] == UInt8(ascii: "0")
            return isNegativeZero ? "0" : String(decoding: bytes, as: UTF8.self)
        }
        guard bytes[index] == UInt8(ascii: ".") else { return nil }
        let fractionStart = index + 1
        index = fractionStart
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
        guard index == bytes.count, index > fractionStart else { return nil }
        var end = bytes.count
        while end > fractionStart, bytes[end - 1] == UInt8(ascii: "0") { end -= 1 }
        if end == fractionStart {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<fractionStart]), as: UTF8.self) + "0"
        }
        let isBelowOne = integerDigits == 1 && bytes[integerStart] == UInt8(ascii: "0")
        let leadingZeros = bytes[fractionStart..<end].prefix { $0 == UInt8(ascii: "0") }.count
        guard !isBelowOne || leadingZeros < 4 else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
    }
}
