extension Timestamp {
    /// Reads RFC 3339 text in UTC: `YYYY-MM-DDTHH:MM:SS[.fraction]Z`.
    ///
    /// `T` and `Z` may also be lower case (RFC 3339 §5.6 allows it). The fraction may have any
    /// number of digits, but digits past the ninth must be zeros, so that nothing is rounded. Returns
    /// nil for anything else: another offset than `Z`, a leap second, a day the month does not have,
    /// or an instant outside the representable range.
    public init?(rfc3339 text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard let parsed = utf8.withUnsafeBufferPointer(Self.parse) else { return nil }
        self = parsed
    }

    /// Parses the bytes of an RFC 3339 UTC timestamp; nil when they are not one.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        // The fixed part is 20 bytes: YYYY-MM-DDTHH:MM:SS plus at least the zone letter.
        guard bytes.count >= 20, let base = bytes.baseAddress else { return nil }
        /// The value of the two decimal digits at `start`, or nil.
        @inline(__always) func twoDigits(_ start: Int) -> Int64? {
            let tens = base[start] &- UInt8(ascii: "0")
            let ones = base[start + 1] &- UInt8(ascii: "0")
            guard tens <= 9, ones <= 9 else { return nil }
            return Int64(tens) * 10 + Int64(ones)
        }
        guard base[4] == UInt8(ascii: "-"), base[7] == UInt8(ascii: "-"),
            base[10] == UInt8(ascii: "T") || base[10] == UInt8(ascii: "t"),
            base[13] == UInt8(ascii: ":"), base[16] == UInt8(ascii: ":"),
            let century = twoDigits(0), let yearInCentury = twoDigits(2), let month = twoDigits(5),
            let day = twoDigits(8), let hour = twoDigits(11), let minute = twoDigits(14), let second = twoDigits(17)
        else { return nil }
        let year = century * 100 + yearInCentury
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year),
            hour <= 23, minute <= 59, second <= 59
        else { return nil }
        var index = 19
        var fraction: Int64 = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            var fractionDigits = 0
            while index < bytes.count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit <= 9 else { break }
                if fractionDigits < 9 {
                    fraction = fraction * 10 + Int64(digit)
                } else if digit != 0 {
                    return nil
                }
                fractionDigits += 1
                index += 1
            }
            guard fractionDigits > 0 else { return nil }
            for _ in fractionDigits..<max(fractionDigits, 9) { fraction *= 10 }
        }
        guard index == bytes.count - 1, bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z")
        else { return nil }
        let days = CivilDate(year: year, month: month, day: day).dayNumber
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: nanosecondsPerSecond)
        guard !overflow else { return nil }
        let (total, overflowAdding) = scaled.addingReportingOverflow(fraction)
        guard !overflowAdding else { return nil }
        return Timestamp(nanosecondsSinceEpoch: total)
    }

    /// The instant as RFC 3339 text in UTC, with the fractional digits it needs and no more.
    public var rfc3339: String {
        let day = dayNumber
        let date = CivilDate(dayNumber: day)
        var withinDay = nanosecondsSinceEpoch - day * Self.nanosecondsPerDay
        var fraction = withinDay % Self.nanosecondsPerSecond
        withinDay /= Self.nanosecondsPerSecond
        var text = date.isoDate + "T" + Self.twoDigits(withinDay / 3_600) + ":"
        text += Self.twoDigits(withinDay / 60 % 60) + ":" + Self.twoDigits(withinDay % 60)
        if fraction != 0 {
            var digits = 9
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text + "Z"
    }

    static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
