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

    /// Reads a JSON number written as a plain decimal
    /// (``JSONNumber/plainDecimal(prefixOf:fractionDigits:)``); nil for any other number.
    @inline(__always)
    mutating func plainDecimal(fractionDigits: Int) -> Int64? {
        let rest = UnsafeBufferPointer(start: position, count: end - position)
        guard let (value, length) = JSONNumber.plainDecimal(prefixOf: rest, fractionDigits: fractionDigits) else {
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

    /// Reads a lead contact number in the spelling ``ContactID/description`` gives it (a number of at
    /// most nine digits without a leading zero, read by ``ContactID/leadNumber(_:)``); nil, reading
    /// nothing, for anything else.
    @inline(__always)
    mutating func leadNumber() -> Int? {
        var digits = 0
        while digits < end - position, position[digits] &- UInt8(ascii: "0") < 10 { digits += 1 }
        guard digits == 1 || (digits > 1 && position[0] != UInt8(ascii: "0")),
            let number = ContactID.leadNumber(UnsafeBufferPointer(start: position, count: digits))
        else { return nil }
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

    /// Reads a JSON number written as a plain decimal of at most 15 bytes, as the text Foundation's
    /// chain gives it (``FoundationNumber/plainText(_:)``); nil for any other number.
    mutating func plainNumberText() -> String? {
        var length = 0
        while length < end - position,
            position[length] &- UInt8(ascii: "0") < 10
                || position[length] == UInt8(ascii: "-") || position[length] == UInt8(ascii: ".")
        {
            length += 1
        }
        guard let text = FoundationNumber.plainText(UnsafeBufferPointer(start: position, count: length)) else {
            return nil
        }
        position += length
        return text
    }
}
