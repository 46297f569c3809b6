import TherapyLog

/// The recursive-descent reader behind ``TolerantJSON``.
///
/// Only the outermost container recovers from a cut-off file: a deeper one that meets the end of
/// the bytes hands the cut up, so that a record cut in the middle is dropped whole rather than kept
/// half-read.
struct TolerantParser {
    /// Why a value could not be read.
    enum Stop: Error {
        /// The bytes ended inside the value.
        case cut
        /// Damage that no repair undoes.
        case damage(JSONDamage)
    }

    static let maximumDepth = 512

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    private var lines = LineCounter()
    private(set) var repairs: [JSONRepair] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The whole document: one value, then nothing but white space.
    mutating func document() throws(JSONDamage) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipSpace()
        guard index < bytes.count else { throw damage(at: index, "the file holds no JSON value") }
        let value: JSONValue
        do throws(Stop) {
            value = try parseValue(isOutermost: true)
        } catch {
            switch error {
            case .cut: throw damage(at: bytes.count, "the file ends inside its first value; nothing complete to keep")
            case .damage(let found): throw found
            }
        }
        skipSpace()
        if index < bytes.count {
            throw damage(at: index, "text follows the end of the JSON document")
        }
        return value
    }

    private mutating func parseValue(isOutermost: Bool = false) throws(Stop) -> JSONValue {
        skipSpace()
        guard index < bytes.count else { throw .cut }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return try nested { (parser: inout Self) throws(Stop) in
                try parser.parseObject(isOutermost: isOutermost)
            }
        case UInt8(ascii: "["):
            return try nested { (parser: inout Self) throws(Stop) in
                try parser.parseArray(isOutermost: isOutermost)
            }
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if index + 1 < bytes.count, Self.isLetter(bytes[index + 1]) { return try parseWord() }
            return try parseNumber()
        case let byte where Self.isLetter(byte): return try parseWord()
        default:
            throw .damage(damage(at: index, "\(Self.describe(bytes[index])) where a value should start"))
        }
    }

    private mutating func nested(_ body: (inout Self) throws(Stop) -> JSONValue) throws(Stop) -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw .damage(damage(at: index, "nesting deeper than \(Self.maximumDepth) levels"))
        }
        return try body(&self)
    }

    private mutating func parseArray(isOutermost: Bool) throws(Stop) -> JSONValue {
        index += 1
        var elements: [JSONValue] = []
        while true {
            skipSpace()
            guard index < bytes.count else {
                return try closeCut(.array(elements), isOutermost: isOutermost, kept: elements.count, dropped: false)
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            do throws(Stop) {
                elements.append(try parseValue())
            } catch .cut {
                return try closeCut(.array(elements), isOutermost: isOutermost, kept: elements.count, dropped: true)
            }
            skipSpace()
            guard index < bytes.count else {
                return try closeCut(.array(elements), isOutermost: isOutermost, kept: elements.count, dropped: false)
            }
            try separator(closing: UInt8(ascii: "]"), member: "element")
        }
    }

    private mutating func parseObject(isOutermost: Bool) throws(Stop) -> JSONValue {
        index += 1
        var members: [String: JSONValue] = [:]
        while true {
            skipSpace()
            guard index < bytes.count else {
                return try closeCut(.object(members), isOutermost: isOutermost, kept: members.count, dropped: false)
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw .damage(damage(at: index, "\(Self.describe(bytes[index])) where a member name should start"))
            }
            let keyStart = index
            do throws(Stop) {
                let key = try parseString()
                skipSpace()
                guard index < bytes.count else { throw Stop.cut }
                guard bytes[index] == UInt8(ascii: ":") else {
                    throw Stop.damage(
                        damage(at: index, "\(Self.describe(bytes[index])) after the name '\(key)'; expected ':'"))
                }
                index += 1
                let value = try parseValue()
                if members.updateValue(value, forKey: key) != nil {
                    repair(at: keyStart, "the name '\(key)' appears twice in one object; the later value is kept")
                }
            } catch .cut {
                return try closeCut(.object(members), isOutermost: isOutermost, kept: members.count, dropped: true)
            }
            skipSpace()
            guard index < bytes.count else {
                return try closeCut(.object(members), isOutermost: isOutermost, kept: members.count, dropped: false)
            }
            try separator(closing: UInt8(ascii: "}"), member: "member")
        }
    }

    /// After a member: a comma (a trailing one before the closing bracket is dropped), the closing
    /// bracket, or the start of the next member where a comma was left out.
    private mutating func separator(closing: UInt8, member: String) throws(Stop) {
        let byte = bytes[index]
        if byte == closing { return }
        if byte == UInt8(ascii: ",") {
            let comma = index
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == closing {
                repair(at: comma, "a trailing comma before '\(Character(Unicode.Scalar(closing)))'; dropped")
            }
            return
        }
        if Self.startsValue(byte) {
            repair(at: index, "no comma before this \(member); one is assumed")
            return
        }
        throw .damage(
            damage(
                at: index,
                "\(Self.describe(byte)) after an \(member); expected ',' or '\(Character(Unicode.Scalar(closing)))'"))
    }

    /// The end of the bytes inside a container: the outermost one keeps its complete members and is
    /// closed; a deeper one hands the cut up.
    private mutating func closeCut(_ value: JSONValue, isOutermost: Bool, kept: Int, dropped: Bool) throws(Stop)
        -> JSONValue
    {
        guard isOutermost else { throw .cut }
        let what = if case .array = value { "record" } else { "member" }
        guard kept > 0 else {
            throw .damage(damage(at: bytes.count, "the file is cut off before its first complete \(what)"))
        }
        let message =
            dropped
            ? "the file is cut off inside a \(what); kept the \(kept) complete \(what)s before it and dropped the cut one"
            : "the file is cut off before its closing bracket; kept the \(kept) complete \(what)s"
        repair(at: bytes.count, message)
        return value
    }

    private mutating func parseString() throws(Stop) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ parser: inout Self, upTo end: Int) {
            guard end > run else { return }
            let slice = parser.bytes[run..<end]
            if let text = String(validating: slice, as: UTF8.self) {
                scalars.append(contentsOf: text.unicodeScalars)
            } else {
                scalars.append(contentsOf: String(decoding: slice, as: UTF8.self).unicodeScalars)
                parser.repair(at: run, "bytes that are not UTF-8 in a string; replaced by U+FFFD")
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flush(&self, upTo: index)
                index += 1
                return String(scalars)
            }
            if byte == UInt8(ascii: "\\") {
                flush(&self, upTo: index)
                scalars.append(try parseEscape())
                run = index
                continue
            }
            if byte < 0x20 {
                repair(at: index, "a raw control character in a string; kept as it is")
            }
            index += 1
        }
        throw .cut
    }

    private mutating func parseEscape() throws(Stop) -> Unicode.Scalar {
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
            repair(at: start, "an escape that names no Unicode scalar; replaced by U+FFFD")
            return "\u{FFFD}"
        default:
            throw .damage(damage(at: start, "an unknown escape '\\\(Character(Unicode.Scalar(letter)))' in a string"))
        }
    }

    private mutating func hexUnit() throws(Stop) -> UInt32 {
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

    private mutating func parseNumber() throws(Stop) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let digitsStart = index
        skipDigits()
        guard index > digitsStart else {
            guard index < bytes.count else { throw .cut }
            throw .damage(damage(at: start, "a sign with no digits after it"))
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fraction = index
            skipDigits()
            guard index > fraction else {
                guard index < bytes.count else { throw .cut }
                throw .damage(damage(at: start, "a number with no digits after its point"))
            }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            let exponent = index
            skipDigits()
            guard index > exponent else {
                guard index < bytes.count else { throw .cut }
                throw .damage(damage(at: start, "a number with no digits in its exponent"))
            }
        }
        // A number that runs to the end of the bytes may have lost digits.
        guard index < bytes.count else { throw .cut }
        var text = String(decoding: bytes[start..<index], as: UTF8.self)
        if text.hasPrefix("+") {
            text.removeFirst()
            repair(at: start, "a number written with a leading '+'; read without it")
        }
        return .number(text)
    }

    /// `true`, `false`, `null`, or a non-finite number (`NaN`, `Infinity`, `INF`, signed or not),
    /// which is read as `null`.
    private mutating func parseWord() throws(Stop) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        while index < bytes.count, Self.isLetter(bytes[index]) { index += 1 }
        guard index < bytes.count else { throw .cut }
        let word = String(decoding: bytes[start..<index], as: UTF8.self)
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: break
        }
        let bare = word.drop(while: { $0 == "-" || $0 == "+" }).lowercased()
        if bare == "nan" || bare == "inf" || bare == "infinity" {
            repair(at: start, "the bare token '\(word)' is not a JSON number; read as null (no value)")
            return .null
        }
        throw .damage(damage(at: start, "the word '\(word)' where a value should be"))
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func skipDigits() {
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
    }

    private mutating func repair(at offset: Int, _ message: String) {
        repairs.append(JSONRepair(position: lines.position(of: offset, in: bytes), message: message))
    }

    private mutating func damage(at offset: Int, _ message: String) -> JSONDamage {
        JSONDamage(position: lines.position(of: offset, in: bytes), message: message)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func startsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: isLetter(byte)
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// `'x'` for a printable character, `byte 0x07` otherwise.
    private static func describe(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16)
    }
}
