import Foundation

/// A computed figure as every JSON report writes it: to 15 significant digits (all a `Double` holds for
/// certain), so that the error of binary arithmetic (`5.000000000000001` for 5, `0.30000000000000004`
/// for 0.1 + 0.2) is not written as if it were a digit. An infinite or undefined value is left to the
/// encoder's strategy for non-conforming floats.
public struct Figure: Encodable, Hashable, Sendable {
    /// The figure as computed.
    public var value: Double

    public init(_ value: Double) {
        self.value = value
    }

    /// The shortest decimal of at most 15 significant digits; nil for an infinite or undefined value, or
    /// one past `Decimal`'s range.
    public var decimal: Decimal? {
        guard let text = fifteenDigits else { return nil }
        return value == 0 ? 0 : Self.decimal(text)
    }

    private static func decimal(_ text: String) -> Decimal? {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Writes the 15-digit decimal (a value past `Decimal`'s range as computed).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let decimal { try container.encode(decimal) } else { try container.encode(value) }
    }

    /// The figure's JSON text: the bytes ``encode(to:)`` has Foundation's `JSONEncoder` write, an infinite or
    /// undefined value as the strings `Infinity`, `-Infinity` and `NaN` (`JSONTextWriter.encoder`'s strategy).
    public var jsonText: String {
        guard let text = fifteenDigits else {
            return value.isNaN ? "\"NaN\"" : value < 0 ? "\"-Infinity\"" : "\"Infinity\""
        }
        if value == 0 { return "0" }  // no "-0"
        // Without an exponent the digits are the decimal's text; with one, the decimal writes them out.
        guard text.utf8.contains(UInt8(ascii: "e")) else { return text }
        return Self.decimal(text)?.description ?? value.description
    }

    /// `value` to 15 significant digits as the C library's correctly rounded `%.15g` writes it (by
    /// `gcvt`, which takes no variadic arguments); nil for an infinite or undefined value.
    private var fifteenDigits: String? {
        guard value.isFinite else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 32) { buffer in
            String(cString: gcvt(value, 15, buffer.baseAddress!))
        }
    }
}
