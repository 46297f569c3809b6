/// The scalar values: strings with their escapes, numbers kept as text, and the words `true`,
/// `false`, `null` and the non-finite tokens.
extension JSONParser {
    mutating func parseString() throws(Stop) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ parser: inout Self, upTo end: Int) throws(Stop) {
            guard end > run else { return }
            let slice = UnsafeRawBufferPointer(rebasing: parser.bytes[run..<end])
            if let text = String(validating: slice, as: UTF8.self) {
                scalars.append(contentsOf: text.unicodeScalars)
            } else {
                try parser.repair(at: run, "bytes that are not UTF-8 in a string", "replaced by U+FFFD")
                scalars.append(contentsOf: String(decoding: slice, as: UTF8.self).unicodeScalars)
            }
        }
        var isPlain = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\""), isPlain,
                let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[run..<index]), as: UTF8.self)
            {
                // The usual string, without an escape: its bytes are its text.
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\"") {
                try flush(&self, upTo: index)
                index += 1
                return String(scalars)
            }
            if byte == UInt8(ascii: "\\") {
                isPlain = false
                try flush(&self, upTo: index)
                scalars.append(try parseEscape())
                run = index
                continue
            }
            if byte < 0x20 {
                try repair(at: index, "a raw control character in a string", "kept as it is")
            }
            index += 1
        }
        throw .cut
    }

    mutating func parseEscape() throws(Stop) -> Unicode.Scalar {
        let start = index
        index += 1
        guard index < bytes.count else { throw .cut }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hexUnit()
            if high & 0xFC00 == 0xD800, index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            {
                index += 2
                let low = try hexUnit()
                if low & 0xFC00 == 0xDC00, let scalar = Unicode.Scalar(0x10000 + (high - 0xD800) << 10 + (low - 0xDC00))
                {
                    return scalar
                }
            }
            if let scalar = Unicode.Scalar(high) { return scalar }
            try repair(at: start, "an escape that names no Unicode scalar", "replaced by U+FFFD")
            return "\u{FFFD}"
        default:
            throw .damage(damage(at: start, "an unknown escape '\\\(Character(Unicode.Scalar(letter)))' in a string"))
        }
    }

    mutating func hexUnit() throws(Stop) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw .cut }
            guard let digit = Self.hexValue(bytes[index]) else {
                throw .damage(damage(at: index, "\(Self.describe(bytes[index])) in a \\u escape"))
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    mutating func parseNumber() throws(Stop) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let integerStart = index
        try digits(of: start, "a sign with no digits after it")
        if bytes[integerStart] == UInt8(ascii: "0"), index - integerStart > 1 {
            try repair(at: integerStart, "a number with a leading zero", "read as written")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            try digits(of: start, "a number with no digits after its point")
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            try digits(of: start, "a number with no digits in its exponent")
        }
        // A number that runs to the end of a cut-off file may have lost digits.
        guard index < bytes.count || mode == .strict else { throw .cut }
        var text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if text.hasPrefix("+") {
            try repair(at: start, "a number written with a leading '+'", "read without it")
            text.removeFirst()
        }
        return .number(text)
    }

    /// `true`, `false`, `null`, or a non-finite number (`NaN`, `Infinity`, `INF`, signed or not),
    /// which is read as `null`.
    mutating func parseWord() throws(Stop) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        while index < bytes.count, Self.isLetter(bytes[index]) { index += 1 }
        guard index < bytes.count || mode == .strict else { throw .cut }
        let word = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: break
        }
        let bare = word.drop(while: { $0 == "-" || $0 == "+" }).lowercased()
        if bare == "nan" || bare == "inf" || bare == "infinity" {
            try repair(at: start, "the bare token '\(word)' is not a JSON number", "read as null (no value)")
            return .null
        }
        throw .damage(damage(at: start, "the word '\(word)' where a value should be"))
    }

    /// Steps over the digits of the number that starts at `start`: at least one, or the bytes were cut
    /// there (at their end) or damaged (`problem`).
    mutating func digits(of start: Int, _ problem: String) throws(Stop) {
        let first = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        guard index > first else {
            guard index < bytes.count else { throw .cut }
            throw .damage(damage(at: start, problem))
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
