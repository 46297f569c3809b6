import StimSafety

/// The value Foundation's `JSONSerialization` gives a number of a line, read from the number's bytes.
///
/// Foundation keeps an integer that fits `Int64`/`UInt64` as it is, a number of more than 17
/// characters as a `Decimal`, and any other number as the nearest `Double`; the reference decoder
/// then reads that `Double` through its shortest decimal text. Where that chain provably ends at the
/// written value (an `Int64` integer, or at most 15 significant digits in at most 17 characters
/// within `Double`'s normal range), the value is taken exactly from the bytes, with no allocation;
/// anything else goes through ``FoundationNumber``, which repeats the chain.
enum JSONNumber {
    /// `significand × 10^exponent`; `isInteger` when Foundation keeps it as an integer.
    case exact(significand: Int64, exponent: Int, isInteger: Bool)
    /// The text the reference decoder gives the number.
    case text(String)

    /// Reads the bytes of a valid JSON number.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self = Self.exact(bytes) ?? .text(Self.foundationText(bytes))
    }

    /// The number as written, for messages.
    static func written(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func foundationText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let written = written(bytes)
        // The scanner already refused the numbers Foundation cannot represent.
        return FoundationNumber.text(written) ?? written
    }

    private static func exact(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONNumber? {
        let isNegative = bytes[0] == UInt8(ascii: "-")
        var index = isNegative ? 1 : 0
        var significand: Int64 = 0
        var significantDigits = 0
        /// Reads digits from `index` into the significand; false past 18 significant digits.
        @inline(__always) func readDigits() -> Bool {
            while index < bytes.count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                if significand != 0 || digit != 0 {
                    significantDigits += 1
                    if significantDigits > 18 { return false }
                }
                significand = significand &* 10 &+ Int64(digit)
                index += 1
            }
            return true
        }
        guard readDigits() else { return nil }
        var isInteger = true
        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            let fractionStart = index
            guard readDigits() else { return nil }
            fractionDigits = index - fractionStart
        }
        // What is left of a valid number is its exponent.
        if index < bytes.count { isInteger = false }
        var exponent = 0
        if index < bytes.count {
            index += 1
            var isExponentNegative = false
            if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                isExponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            while index < bytes.count {
                exponent = exponent * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
                if exponent > 1_000 { return nil }
                index += 1
            }
            if isExponentNegative { exponent = -exponent }
        }
        if isInteger {
            // Int64 directly, as Foundation does within 19 (negative) or 20 characters.
            guard bytes.count <= (isNegative ? 19 : 20), significantDigits <= 18 else { return nil }
            return .exact(significand: isNegative ? -significand : significand, exponent: 0, isInteger: true)
        }
        guard bytes.count <= 17, significantDigits <= 15 else { return nil }
        if significand == 0 { return .exact(significand: 0, exponent: 0, isInteger: false) }
        let scale = exponent - fractionDigits
        // The leading digit's decade must stay within Double's normal range, where 15 digits round-trip.
        guard (-300...300).contains(scale + significantDigits - 1) else { return nil }
        return .exact(significand: isNegative ? -significand : significand, exponent: scale, isInteger: false)
    }
}

extension JSONNumber {
    /// The plain decimal JSON number at the start of `bytes` (`-?(0|[1-9][0-9]*)(\.[0-9]+)?`, the form
    /// nearly every number of a recording takes) in units of 10^-`fractionDigits`, and the count of
    /// its bytes, read in one pass; nil when the bytes do not start with one, or it has more than 15
    /// bytes or more than `fractionDigits` decimals (``init(_:)`` reads those). A byte that cannot
    /// continue it ends it (in `1e3`, the `e`): the caller checks what follows.
    ///
    /// Such a number has at most 15 significant digits in at most 15 characters, so Foundation's chain
    /// gives its written value too, as ``init(_:)`` does.
    @inline(__always)
    static func plainDecimal(
        prefixOf bytes: UnsafeBufferPointer<UInt8>, fractionDigits: Int
    ) -> (value: Int64, length: Int)? {
        guard !bytes.isEmpty else { return nil }
        let isNegative = bytes[0] == UInt8(ascii: "-")
        var index = isNegative ? 1 : 0
        var value: Int64 = 0
        @inline(__always) func readDigits() -> Int {
            let first = index
            while index < bytes.count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                value = value &* 10 &+ Int64(digit)
                index &+= 1
            }
            return index &- first
        }
        let integerStart = index
        let integerDigits = readDigits()
        // JSON allows a leading zero only on its own.
        guard integerDigits == 1 || (integerDigits > 1 && bytes[integerStart] != UInt8(ascii: "0")) else {
            return nil
        }
        var decimals = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index &+= 1
            decimals = readDigits()
            guard decimals > 0 else { return nil }
        }
        // Within 18 digits once scaled, the value fits an `Int64`.
        guard index <= 15, decimals <= fractionDigits, integerDigits + fractionDigits <= 18 else { return nil }
        value &*= powersOfTen[fractionDigits &- decimals]
        return (isNegative ? -value : value, index)
    }

    /// The value of `bytes` when they are exactly a plain decimal (``plainDecimal(prefixOf:fractionDigits:)``).
    @inline(__always)
    static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>, fractionDigits: Int) -> Int64? {
        guard let (value, length) = plainDecimal(prefixOf: bytes, fractionDigits: fractionDigits),
            length == bytes.count
        else { return nil }
        return value
    }

    /// 10⁰ to 10¹⁸, every power of ten an `Int64` holds; written out, so that the table is built at
    /// compile time and read without a check that it was made.
    private static let powersOfTen: [Int64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
    ]

    /// `significand × 10^(exponent + digits)` as a whole number, or nil when it is not whole or does
    /// not fit; and whether it failed for being too fine rather than too large.
    static func scaled(
        _ significand: Int64, _ exponent: Int, byPowerOfTen digits: Int
    ) -> (value: Int64?, isTooPrecise: Bool) {
        var value = significand
        var shift = exponent + digits
        while shift < 0 {
            guard value % 10 == 0 else { return (nil, true) }
            value /= 10
            shift += 1
        }
        guard shift > 0, value != 0 else { return (value, false) }
        guard shift < powersOfTen.count else { return (nil, false) }
        let (scaled, overflow) = value.multipliedReportingOverflow(by: powersOfTen[shift])
        return overflow ? (nil, false) : (scaled, false)
    }

    /// The number as an exact `Quantity`, with the problem the reference decoder reports otherwise.
    func quantity<Quantity: FixedPoint>(
        _: Quantity.Type, written: @autoclosure () -> String, field: @autoclosure () -> String, allowNegative: Bool
    ) throws(LineProblem) -> Quantity {
        switch self {
        case .text(let text):
            return try FieldText.quantity(text, Quantity.self, field: field(), allowNegative: allowNegative)
        case .exact(let significand, let exponent, _):
            let (raw, isTooPrecise) = Self.scaled(significand, exponent, byPowerOfTen: Quantity.fractionDigits)
            guard let raw else {
                let text = written()
                let error: DecimalParseError =
                    isTooPrecise ? .tooPrecise(text, maximumDecimals: Quantity.fractionDigits) : .outOfRange(text)
                throw LineProblem(.wrongType, "field '\(field())': \(error)")
            }
            return try FieldText.nonNegative(
                Quantity(rawValue: raw), text: written(), field: field(), allowNegative: allowNegative)
        }
    }

    /// The number as a whole `Int`, as ``FieldText/integer(_:field:)`` reads the reference text.
    func integer(written: @autoclosure () -> String, field: @autoclosure () -> String) throws(LineProblem) -> Int {
        switch self {
        case .text(let text):
            return try FieldText.integer(text, field: field())
        case .exact(let significand, _, true):
            return Int(significand)
        case .exact(let significand, let exponent, false):
            // A fraction or an exponent: whole when its exact value is, in nanoamps' six decimals.
            let scale = Nanoamps.subunitsPerUnit
            guard let raw = Self.scaled(significand, exponent, byPowerOfTen: Nanoamps.fractionDigits).value,
                raw % scale == 0
            else {
                throw LineProblem(.wrongType, "field '\(field())' must be a whole number, not \(written())")
            }
            return Int(raw / scale)
        }
    }
}
