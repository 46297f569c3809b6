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
    @inlinable
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var day: DayMemo?
        return parse(bytes, day: &day)
    }

    /// The date of the last timestamp read, for ``parse(_:day:)``.
    public struct DayMemo: Sendable {
        /// Bytes 0 to 7 of the text (`YYYY-MM-`), byte i in bits 8i to 8i + 7.
        @usableFromInline var yearAndMonth: UInt64
        /// Bytes 8 and 9 (`DD`).
        @usableFromInline var dayOfMonth: UInt64
        @usableFromInline var dayNumber: Int64

        @inlinable
        init(yearAndMonth: UInt64, dayOfMonth: UInt64, dayNumber: Int64) {
            self.yearAndMonth = yearAndMonth
            self.dayOfMonth = dayOfMonth
            self.dayNumber = dayNumber
        }
    }

    /// Parses the bytes of an RFC 3339 UTC timestamp; nil when they are not one. When the date is the
    /// one in `day`, its day number is taken from there; otherwise `day` becomes this one's.
    // Inlinable: the readers of every recording line call it, from another module.
    @inlinable @inline(__always)
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, day memo: inout DayMemo?) -> Timestamp? {
        // The fixed part is 20 bytes: YYYY-MM-DDTHH:MM:SS plus at least the zone letter.
        guard bytes.count >= 20, let base = bytes.baseAddress else { return nil }
        // `YYYY-MM-` and `DDTHH:MM` as words, byte i of the text in bits 8i to 8i + 7; each checked for
        // its separators, then for a digit in every other byte, eight bytes at once.
        let raw = UnsafeRawPointer(base)
        let date = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let time = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let dateSeparators: UInt64 = 0xFF00_00FF_0000_0000  // bytes 4 and 7: `-` `-`
        let timeSeparators: UInt64 = 0x0000_FF00_00FF_0000  // bytes 2 and 5: `T` (or `t`) `:`
        /// The digit values of the bytes of `word` outside `separators`, or nil unless all are digits.
        @inline(__always) func digitValues(_ word: UInt64, separators: UInt64) -> UInt64? {
            let values = (word & ~separators) ^ (0x3030_3030_3030_3030 & ~separators)
            guard (values | (values &+ 0x7676_7676_7676_7676)) & 0x8080_8080_8080_8080 == 0 else { return nil }
            return values
        }
        /// The value of the two digits at bytes `first` and `first + 1` of `values`.
        @inline(__always) func pair(_ values: UInt64, _ first: UInt64) -> Int64 {
            Int64(truncatingIfNeeded: values >> (8 * first) & 0xFF) * 10
                + Int64(truncatingIfNeeded: values >> (8 * first + 8) & 0xFF)
        }
        let secondTens = base[17] &- UInt8(ascii: "0")
        let secondOnes = base[18] &- UInt8(ascii: "0")
        guard (time | 0x20_0000) & timeSeparators == 0x0000_3A00_0074_0000,
            base[16] == UInt8(ascii: ":"), secondTens <= 9, secondOnes <= 9,
            let timeDigits = digitValues(time, separators: timeSeparators)
        else { return nil }
        let hour = pair(timeDigits, 3)
        let minute = pair(timeDigits, 6)
        let second = Int64(secondTens) * 10 + Int64(secondOnes)
        guard hour <= 23, minute <= 59, second <= 59 else { return nil }
        let dayOfMonth = time & 0xFFFF
        let days: Int64
        if let memo, memo.yearAndMonth == date, memo.dayOfMonth == dayOfMonth {
            days = memo.dayNumber
        } else {
            guard date & dateSeparators == 0x2D00_002D_0000_0000,
                let dateDigits = digitValues(date, separators: dateSeparators)
            else { return nil }
            let year = pair(dateDigits, 0) * 100 + pair(dateDigits, 2)
            let month = pair(dateDigits, 5)
            let day = pair(timeDigits, 0)
            guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else {
                return nil
            }
            days = CivilDate(year: year, month: month, day: day).dayNumber
            memo = DayMemo(yearAndMonth: date, dayOfMonth: dayOfMonth, dayNumber: days)
        }
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

    /// `value` in decimal with at least two digits.
    public static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
