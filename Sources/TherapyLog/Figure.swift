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

    /// The shortest decimal of at most 15 significant digits, nil for an infinite or undefined value.
    public var decimal: Decimal? {
        guard value.isFinite else { return nil }
        return Self.withFifteenDigits(value) { Self.decimal($0) }
    }

    /// Writes the 15-digit decimal as the encoder writes a `Double` in its shortest digits wherever that
    /// text is the decimal's (no exponent), which spares most figures `Decimal`'s parsing and printing
    /// (about half of `scs analyze --json`'s time on a long recording); the text is made once.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        guard value.isFinite else { return try container.encode(value) }
        if Self.isShortAndPlain(value) { return try container.encode(value == 0 ? 0 : value) }  // no "-0"
        // Two decimals of at most 15 significant digits never round to the same `Double`, so the value
        // read back from the text is written as exactly that text. (The largest finite values round
        // to infinity at 15 digits.)
        try Self.withFifteenDigits(value) { digits in
            let rounded = strtod(digits, nil)
            if Self.isShortAndPlain(rounded) {
                try container.encode(rounded)
            } else if let decimal = Self.decimal(digits) {
                try container.encode(decimal)
            } else {
                try container.encode(value)
            }
        }
    }

    /// Calls `body` with `value` to 15 significant digits, by the C library's correctly rounded `%.15g`.
    private static func withFifteenDigits<Result>(
        _ value: Double, _ body: (UnsafePointer<CChar>) throws -> Result
    ) rethrows -> Result {
        try withUnsafeTemporaryAllocation(of: CChar.self, capacity: 32) { buffer in
            _ = withVaList([value]) { vsnprintf(buffer.baseAddress, buffer.count, "%.15g", $0) }
            return try body(buffer.baseAddress!)
        }
    }

    private static func decimal(_ digits: UnsafePointer<CChar>) -> Decimal? {
        Decimal(string: String(cString: digits), locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Whether `value` is finite and the shortest text that reads back as it has at most 15 significant
    /// digits and no exponent. Then it is also the 15-digit decimal.
    private static func isShortAndPlain(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        var significant = 0
        var zerosSinceLast = 0
        for byte in value.description.utf8 {
            switch byte {
            case UInt8(ascii: "0"):
                if significant > 0 { zerosSinceLast += 1 }
            case UInt8(ascii: "1")...UInt8(ascii: "9"):
                significant += zerosSinceLast + 1
                zerosSinceLast = 0
            case UInt8(ascii: "e"): return false
            default: continue  // the sign and the point
            }
        }
        return significant <= 15
    }
}
