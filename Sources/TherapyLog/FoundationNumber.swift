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
}
