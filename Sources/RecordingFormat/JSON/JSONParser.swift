/// The one JSON parser of the package: RFC 8259 over UTF-8 bytes, into a ``JSONValue`` whose numbers
/// keep their decimal text.
///
/// In ``Mode/strict`` (recording lines, `docs/recording-format.md` §1) anything RFC 8259 does not
/// allow is damage: a trailing or missing comma, a leading `+` or `0`, a bare `NaN`, a raw control
/// character or bytes that are not UTF-8 in a string, a byte-order mark, bytes that end inside a
/// value. A name written twice keeps its later value, as the RFC leaves that choice to the reader.
///
/// In ``Mode/tolerant`` (device logs) each of those is repaired where it can be, and every repair is
/// recorded with its position. Only the outermost container recovers from a cut-off file: a deeper
/// one that meets the end of the bytes hands the cut up, so that a record cut in the middle is
/// dropped whole rather than kept half-read.
package struct JSONParser {
    /// How the parser treats what RFC 8259 does not allow.
    package enum Mode: Sendable {
        /// Damage: the bytes are not JSON.
        case strict
        /// Repaired where possible, and each repair recorded.
        case tolerant
    }

    /// Why a value could not be read.
    enum Stop: Error {
        /// The bytes ended inside the value.
        case cut
        /// Damage that no repair undoes.
        case damage(JSONDamage)
    }

    /// Containers nested deeper than this are damage (a guard for the recursion).
    static let maximumDepth = 512

    let bytes: UnsafeRawBufferPointer
    let mode: Mode
    var index = 0
    private var depth = 0
    private var lines = LineCounter()
    /// The repairs made, in file order (always empty in strict mode).
    private(set) var repairs: [JSONRepair] = []

    private init(_ bytes: UnsafeRawBufferPointer, mode: Mode) {
        self.bytes = bytes
        self.mode = mode
    }

    /// Reads `bytes` as one JSON document in `mode`: one value, then nothing but white space.
    ///
    /// - Throws: ``JSONDamage`` when the bytes hold no document, or damage `mode` does not repair.
    package static func parse(
        _ bytes: UnsafeRawBufferPointer, mode: Mode
    ) throws(JSONDamage) -> (value: JSONValue, repairs: [JSONRepair]) {
        var parser = JSONParser(bytes, mode: mode)
        let value = try parser.document()
        return (value, parser.repairs)
    }

    private mutating func document() throws(JSONDamage) -> JSONValue {
        if mode == .tolerant, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipSpace()
        guard index < bytes.count else {
            throw damage(at: index, mode == .strict ? "no JSON value" : "the file holds no JSON value")
        }
        let value: JSONValue
        do throws(Stop) {
            value = try parseValue(isOutermost: true)
        } catch {
            switch error {
            case .cut:
                throw damage(
                    at: bytes.count,
                    mode == .strict ? Self.endsInside : "the file ends inside its first value; nothing complete to keep"
                )
            case .damage(let found): throw found
            }
        }
        skipSpace()
        if index < bytes.count {
            throw damage(at: index, "text follows the end of the JSON \(mode == .strict ? "value" : "document")")
        }
        return value
    }

    mutating func parseValue(isOutermost: Bool = false) throws(Stop) -> JSONValue {
        skipSpace()
        guard index < bytes.count else { throw .cut }
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else {
                throw .damage(damage(at: index, "nesting deeper than \(Self.maximumDepth) levels"))
            }
            return try parseContainer(isOutermost: isOutermost)
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

    /// An array or an object, from its opening bracket to its closing one.
    private mutating func parseContainer(isOutermost: Bool) throws(Stop) -> JSONValue {
        let isObject = bytes[index] == UInt8(ascii: "{")
        let (closing, member) = isObject ? (UInt8(ascii: "}"), "member") : (UInt8(ascii: "]"), "element")
        index += 1
        var elements: [JSONValue] = []
        var members: [String: JSONValue] = [:]
        var value: JSONValue { isObject ? .object(members) : .array(elements) }
        var count: Int { isObject ? members.count : elements.count }
        while true {
            skipSpace()
            guard index < bytes.count else {
                return try closeCut(value, isOutermost: isOutermost, kept: count, dropped: false)
            }
            if bytes[index] == closing, count == 0 {
                index += 1
                return value
            }
            do throws(Stop) {
                if isObject { try parseMember(into: &members) } else { elements.append(try parseValue()) }
            } catch .cut {
                return try closeCut(value, isOutermost: isOutermost, kept: count, dropped: true)
            }
            skipSpace()
            guard index < bytes.count else {
                return try closeCut(value, isOutermost: isOutermost, kept: count, dropped: false)
            }
            if try isClosed(by: closing, member: member) {
                index += 1
                return value
            }
        }
    }

    /// One member of an object: its name, a colon and its value.
    private mutating func parseMember(into members: inout [String: JSONValue]) throws(Stop) {
        guard bytes[index] == UInt8(ascii: "\"") else {
            throw .damage(damage(at: index, "\(Self.describe(bytes[index])) where a member name should start"))
        }
        let keyStart = index
        let key = try parseString()
        skipSpace()
        guard index < bytes.count else { throw .cut }
        guard bytes[index] == UInt8(ascii: ":") else {
            throw .damage(damage(at: index, "\(Self.describe(bytes[index])) after the name '\(key)'; expected ':'"))
        }
        index += 1
        if members.updateValue(try parseValue(), forKey: key) != nil, mode == .tolerant {
            try repair(at: keyStart, "the name '\(key)' appears twice in one object", "the later value is kept")
        }
    }

    /// Reads what follows a member: true at the `closing` bracket (left for the caller to step over),
    /// false after a comma with more to follow. A trailing comma before the bracket, or a comma left
    /// out before the next member, is repaired.
    private mutating func isClosed(by closing: UInt8, member: String) throws(Stop) -> Bool {
        let byte = bytes[index]
        if byte == closing { return true }
        if byte == UInt8(ascii: ",") {
            let comma = index
            index += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == closing else { return false }
            try repair(at: comma, "a trailing comma before '\(Character(Unicode.Scalar(closing)))'", "dropped")
            return true
        }
        if Self.startsValue(byte) {
            try repair(at: index, "no comma before this \(member)", "one is assumed")
            return false
        }
        throw .damage(
            damage(
                at: index,
                "\(Self.describe(byte)) after an \(member); expected ',' or '\(Character(Unicode.Scalar(closing)))'"))
    }

    /// The end of the bytes inside a container: the outermost one keeps its complete members and is
    /// closed (tolerant mode); a deeper one hands the cut up.
    private mutating func closeCut(_ value: JSONValue, isOutermost: Bool, kept: Int, dropped: Bool) throws(Stop)
        -> JSONValue
    {
        guard isOutermost else { throw .cut }
        guard mode == .tolerant else { throw .damage(damage(at: bytes.count, Self.endsInside)) }
        let what = if case .array = value { "record" } else { "member" }
        guard kept > 0 else {
            throw .damage(damage(at: bytes.count, "the file is cut off before its first complete \(what)"))
        }
        let complete = "the \(kept) complete \(what)\(kept == 1 ? "" : "s")"
        if dropped {
            try repair(
                at: bytes.count, "the file is cut off inside a \(what)",
                "kept \(complete) before it and dropped the cut one")
        } else {
            try repair(at: bytes.count, "the file is cut off before its closing bracket", "kept \(complete)")
        }
        return value
    }

    /// The damage of strict text that ends inside a value.
    private static let endsInside = "the text ends inside a value"

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Something RFC 8259 does not allow at `offset`: damage in strict mode; in tolerant mode, the
    /// repair `action` is recorded.
    mutating func repair(at offset: Int, _ problem: String, _ action: String) throws(Stop) {
        guard mode == .tolerant else { throw .damage(damage(at: offset, problem)) }
        repairs.append(JSONRepair(position: lines.position(of: offset, in: bytes), message: "\(problem); \(action)"))
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
