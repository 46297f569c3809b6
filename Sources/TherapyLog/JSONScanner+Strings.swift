extension JSONScanner {
    /// Scans a string from its opening quote to just past its closing one, checking what Foundation
    /// checks: UTF-8, escapes, surrogate pairs, no control character; and noting a byte-order mark at
    /// the start of a part between escapes, which Foundation drops. Returns where its text starts.
    @inline(__always)
    mutating func scanString() throws(Invalid) -> (start: Int, flags: JSONToken.Flags) {
        index += 1
        let start = index
        var flags: JSONToken.Flags = []
        if startsWithByteOrderMark(index) { flags.insert(.markedSegment) }
        while true {
            // Printable ASCII other than the quote and the backslash needs no attention: eight bytes
            // at a time while eight are left, stopping at the first that does.
            while index &+ 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self))
                let attention = Self.attentionBytes(word)
                if attention != 0 {
                    index &+= attention.trailingZeroBitCount &>> 3
                    break
                }
                index &+= 8
            }
            while index < count {
                let byte = bytes[index]
                if byte == 0x22 || byte == 0x5C || byte &- 0x20 >= 0x60 { break }
                index += 1
            }
            guard index < count else { throw Invalid() }
            let byte = bytes[index]
            switch byte {
            case 0x22:
                index += 1
                return (start, flags)
            case 0x5C:
                flags.insert(.escaped)
                try escape()
                if startsWithByteOrderMark(index) { flags.insert(.markedSegment) }
            case 0x80...:
                flags.insert(.nonASCII)
                try multibyteCharacter()
            default:
                throw Invalid()  // an unescaped control character
            }
        }
    }

    /// The high bit of each byte of `word` (in memory order from the least significant byte) that is a
    /// quote, a backslash, a control character or above 0x7F; exact for the lowest such byte (a
    /// borrow can mark only bytes above a marked one), which is all the caller reads.
    @inline(__always)
    static func attentionBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let isQuote = (quote &- ones) & ~quote
        let isBackslash = (backslash &- ones) & ~backslash
        let isControl = (word &- ones &* 0x20) & ~word
        return (isQuote | isBackslash | isControl | word) & highs
    }

    /// Whether the bytes at `position` are a UTF-8 byte-order mark.
    @inline(__always)
    private func startsWithByteOrderMark(_ position: Int) -> Bool {
        position + 2 < count && bytes[position] == 0xEF && bytes[position + 1] == 0xBB && bytes[position + 2] == 0xBF
    }

    /// Checks one escape sequence from its backslash and steps over it.
    private mutating func escape() throws(Invalid) {
        guard index + 1 < count else { throw Invalid() }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 2
        case UInt8(ascii: "u"):
            let unit = try hexUnit(at: index + 2)
            index += 6
            switch unit & 0xFC00 {
            case 0xD800:
                // A high surrogate must be followed by an escaped low one.
                guard index + 1 < count, bytes[index] == 0x5C, bytes[index + 1] == UInt8(ascii: "u"),
                    try hexUnit(at: index + 2) & 0xFC00 == 0xDC00
                else { throw Invalid() }
                index += 6
            case 0xDC00: throw Invalid()  // a low surrogate alone is no character
            default: break
            }
        default:
            throw Invalid()
        }
    }

    /// The four hexadecimal digits at `position`.
    private func hexUnit(at position: Int) throws(Invalid) -> UInt16 {
        guard position + 4 <= count else { throw Invalid() }
        var unit: UInt16 = 0
        for offset in 0..<4 {
            let byte = bytes[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Invalid()
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    /// Checks one multi-byte UTF-8 character (no overlong form, surrogate or value past U+10FFFF).
    private mutating func multibyteCharacter() throws(Invalid) {
        let lead = bytes[index]
        let length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            second = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            second = 0x80...0x9F
        case 0xF0:
            length = 4
            second = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            second = 0x80...0x8F
        default: throw Invalid()
        }
        guard index + length <= count, second.contains(bytes[index + 1]) else { throw Invalid() }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { throw Invalid() }
        index += length
    }
}
