import RecordingFormat
import StimSafety

/// A reading position in the bytes of one line, for ``WrittenLayout``: each step checks that the
/// line goes on with what it expects and moves past it, or fails, and the caller gives the line up.
struct ByteCursor {
    private var position: UnsafePointer<UInt8>
    private let end: UnsafePointer<UInt8>

    init?(_ line: UnsafeRawBufferPointer) {
        guard let base = line.baseAddress else { return nil }
        position = base.assumingMemoryBound(to: UInt8.self)
        end = position + line.count
    }

    /// Whether every byte of the line has been read.
    var isAtEnd: Bool { position == end }

    /// Moves past `literal` when the line goes on with exactly its bytes.
    @inline(__always)
    mutating func skip(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard end - position >= count, Self.equal(position, literal.utf8Start, count) else { return false }
        position += count
        return true
    }

    /// Whether the `count` bytes at `one` and at `other` are the same, compared a word at a time.
    @inline(__always)
    private static func equal(_ one: UnsafePointer<UInt8>, _ other: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        @inline(__always) func word<Word: FixedWidthInteger>(_ pointer: UnsafePointer<UInt8>, _ offset: Int) -> Word {
            UnsafeRawPointer(pointer).loadUnaligned(fromByteOffset: offset, as: Word.self)
        }
        guard count >= 8 else {
            guard count >= 4 else { return (0..<count).allSatisfy { one[$0] == other[$0] } }
            // Two words that overlap when fewer than eight bytes are compared.
            return word(one, 0) as UInt32 == word(other, 0) && word(one, count - 4) as UInt32 == word(other, count - 4)
        }
        var offset = 0
        while offset + 8 < count {
            guard word(one, offset) as UInt64 == word(other, offset) else { return false }
            offset += 8
        }
        return word(one, count - 8) as UInt64 == word(other, count - 8)
    }

    /// Reads the text of a string up to its closing quote, which it moves past, as an RFC 3339 UTC
    /// time; nil when the text is not one (an escape included). `day` is the date last read
    /// (``Timestamp/parse(_:day:)``).
    mutating func timestamp(day: inout Timestamp.DayMemo?) -> Timestamp? {
        // Whole seconds are the usual case: 20 bytes, then the quote.
        var length = 20
        if end - position <= length || position[length] != UInt8(ascii: "\"") {
            guard let quote = UnsafeBufferPointer(start: position, count: end - position).firstIndex(of: 0x22) else {
                return nil
            }
            length = quote
        }
        guard let time = Timestamp.parse(UnsafeBufferPointer(start: position, count: length), day: &day) else {
            return nil
        }
        position += length + 1
        return time
    }

    /// Reads a JSON number written as a plain decimal (``plainDecimal(prefixOf:fractionDigits:)``) in
    /// units of 10^-`fractionDigits`; nil for any other number.
    @inline(__always)
    mutating func plainDecimal(fractionDigits: Int) -> Int64? {
        let rest = UnsafeBufferPointer(start: position, count: end - position)
        guard let (value, length) = Self.plainDecimal(prefixOf: rest, fractionDigits: fractionDigits) else {
            return nil
        }
        position += length
        return value
    }

    /// Reads a contact key in the spelling ``ContactID/description`` gives it (`case`, or a contact
    /// number of at most nine digits without a leading zero), up to the closing quote; nil for any
    /// other key.
    mutating func contactKey() -> ContactID? {
        if skip("case") { return .can }
        return leadNumber().map(ContactID.lead)
    }

    /// Reads a lead contact number in the spelling ``ContactID/description`` gives it (one to nine
    /// digits without a leading zero, a number ``ContactID/init(key:)`` reads alike); nil, reading
    /// nothing, for anything else.
    @inline(__always)
    mutating func leadNumber() -> Int? {
        var digits = 0
        var number = 0
        while digits < end - position, case let digit = position[digits] &- UInt8(ascii: "0"), digit < 10 {
            number = number &* 10 &+ Int(digit)
            digits += 1
        }
        guard (1...9).contains(digits), digits == 1 || position[0] != UInt8(ascii: "0") else { return nil }
        position += digits
        return number
    }

    /// Reads the text of a string up to its closing quote, which it moves past, when every byte is
    /// printable ASCII and none is a backslash; nil for any other string.
    mutating func plainString() -> String? {
        var length = 0
        while length < end - position {
            let byte = position[length]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(start: position, count: length), as: UTF8.self)
                position += length + 1
                return text
            }
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
            length += 1
        }
        return nil
    }

    /// Reads a JSON number written as a plain decimal (``plainDecimal(prefixOf:fractionDigits:)``, with
    /// at most seven decimals) as its text; nil for any other number, which the parser then reads.
    mutating func plainNumberText() -> String? {
        let rest = UnsafeBufferPointer(start: position, count: end - position)
        guard let (_, length) = Self.plainDecimal(prefixOf: rest, fractionDigits: 7) else { return nil }
        position += length
        return String(decoding: UnsafeBufferPointer(rebasing: rest[..<length]), as: UTF8.self)
    }

    /// The plain decimal JSON number at the start of `bytes` (`-?(0|[1-9][0-9]*)(\.[0-9]+)?`, the form
    /// nearly every number of a recording takes) in units of 10^-`fractionDigits`, and the count of
    /// its bytes, read in one pass; nil when the bytes do not start with one, or it has more than 15
    /// bytes or more than `fractionDigits` decimals (the parser's path reads those). A byte that
    /// cannot continue it ends it (in `1e3`, the `e`): the caller checks what follows.
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

    /// 10⁰ to 10¹⁸, every power of ten an `Int64` holds; written out, so that the table is built at
    /// compile time and read without a check that it was made.
    private static let powersOfTen: [Int64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
    ]
}
