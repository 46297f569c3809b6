import RecordingFormat
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

    let bytes: [UInt8]
    var index = 0
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

    mutating func parseValue(isOutermost: Bool = false) throws(Stop) -> JSONValue {
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
        case UInt8(ascii: "-"), UInt8(ascii: "+"):
            // A sign before a letter begins a word (`-Infinity`); after a digit a letter is an exponent.
            if index + 1 < bytes.count, Self.isLetter(bytes[index + 1]) { return try parseWord() }
            return try parseNumber()
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
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
        let complete = "the \(kept) complete \(what)\(kept == 1 ? "" : "s")"
        let message =
            dropped
            ? "the file is cut off inside a \(what); kept \(complete) before it and dropped the cut one"
            : "the file is cut off before its closing bracket; kept \(complete)"
        repair(at: bytes.count, message)
        return value
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func repair(at offset: Int, _ message: String) {
        repairs.append(JSONRepair(position: lines.position(of: offset, in: bytes), message: message))
    }

    mutating func damage(at offset: Int, _ message: String) -> JSONDamage {
        JSONDamage(position: lines.position(of: offset, in: bytes), message: message)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
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

    /// `'x'` for a printable character, `byte 0x07` otherwise.
    static func describe(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16)
    }
}
