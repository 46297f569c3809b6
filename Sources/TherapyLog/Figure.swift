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
        return Decimal(string: String(format: "%.15g", value), locale: Locale(identifier: "en_US_POSIX"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let plain = plainFigure {
            try container.encode(plain == 0 ? 0 : plain)  // no "-0"
        } else if let decimal {
            try container.encode(decimal)
        } else {
            try container.encode(value)
        }
    }

    /// The `Double` whose shortest text is this figure's 15-digit decimal, when that text has no exponent;
    /// the encoder writes a `Double` in its shortest digits, so most figures skip ``decimal``'s formatting
    /// and parsing, which took about half of `scs analyze --json`'s time on a long recording.
    ///
    /// Two decimals of at most 15 significant digits never round to the same `Double`, so the value read
    /// back from the rounded text is written as exactly that text.
    private var plainFigure: Double? {
        if Self.isShortAndPlain(value) { return value }
        let rounded = Self.roundedTo15SignificantDigits(value)
        return Self.isShortAndPlain(rounded) ? rounded : nil
    }

    /// `value` rounded to 15 significant digits by the C library's correctly rounded `%.15g`, and read back.
    private static func roundedTo15SignificantDigits(_ value: Double) -> Double {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 32) { buffer in
            _ = withVaList([value]) { vsnprintf(buffer.baseAddress, buffer.count, "%.15g", $0) }
            return strtod(buffer.baseAddress!, nil)
        }
    }

    /// Whether the shortest text that reads back as `value` has at most 15 significant digits and no
    /// exponent. Then it is also the 15-digit decimal. (A finite value can round to infinity: the largest
    /// ones do at 15 digits.)
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
