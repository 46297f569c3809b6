/// A decimal number read digit by digit, with no binary rounding: `significand × 10^exponent`.
struct ExactDecimal {
    var significand: Int64
    var exponent: Int
    /// Whether a non-zero digit did not fit in the significand: the number has more significant digits
    /// than 64 bits hold, and the lost ones lie below `10^exponent`.
    var hasLostDigits = false

    /// Reads `[+-]digits[.digits][e[+-]digits]`; at least one digit is required.
    init(parsing text: some StringProtocol) throws(DecimalParseError) {
        // The text's own bytes, not an array of them: a number read per event allocates nothing.
        var contiguous = String(text)
        guard let decimal = contiguous.withUTF8(Self.init(bytes:)) else { throw .notANumber(String(text)) }
        self = decimal
    }

    /// The number `bytes` spell, nil when they spell none.
    private init?(bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var significand: Int64 = 0
        var exponent = 0
        var digitCount = 0
        var seenPoint = false
        var lostDigits = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digitCount += 1
                let digit = Int64(byte - UInt8(ascii: "0"))
                let (times10, o1) = significand.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(digit)
                if o1 || o2 {
                    // A digit that does not fit is dropped: before the point it still scales the number
                    // up; a zero adds nothing, any other digit is lost.
                    if !seenPoint { exponent += 1 }
                    if digit != 0 { lostDigits = true }
                } else {
                    significand = sum
                    if seenPoint { exponent -= 1 }
                }
            } else {
                break
            }
            index += 1
        }
        guard digitCount > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0
            var exponentDigits = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                written = min(written * 10 + Int(bytes[index] - UInt8(ascii: "0")), 10_000)
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard index == bytes.count else { return nil }
        self.significand = negative ? -significand : significand
        self.exponent = exponent
        hasLostDigits = lostDigits
    }

    /// The number times `10^digits` as a whole number, or nil when it is not whole or does not fit.
    func scaled(byPowerOfTen digits: Int) -> Int64? {
        guard !hasLostDigits else { return nil }
        var value = significand
        var shift = exponent + digits
        while shift < 0 {
            guard value % 10 == 0 else { return nil }
            value /= 10
            shift += 1
        }
        while shift > 0 {
            if value == 0 { return 0 }
            let (next, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = next
            shift -= 1
        }
        return value
    }

    /// Whether scaling failed because of digits finer than `10^-digits` (rather than size).
    func isTooPrecise(forDigits digits: Int) -> Bool {
        // The lost digits lie below 10^exponent: finer than the unit when the unit does not reach
        // below 10^exponent; when it does, the kept digits alone are too many to scale (out of range).
        if hasLostDigits { return exponent <= -digits }
        var value = significand
        var shift = exponent + digits
        while shift < 0 {
            if value % 10 != 0 { return true }
            value /= 10
            shift += 1
        }
        return false
    }
}
