import RecordingFormat
import StimSafety

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A scanned line: its bytes and its ``JSONToken``s, valid only while the line's buffer is.
///
/// Reading a string gives the text Foundation gives it: escapes decoded and, at the start of each
/// part between escapes, a UTF-8 byte-order mark dropped (Foundation builds each part with
/// `String(bytes:encoding:)`, which drops one).
struct JSONTape {
    let tokens: UnsafeBufferPointer<JSONToken>
    let bytes: UnsafePointer<UInt8>
    /// The number of bytes of the line.
    let count: Int

    /// The bytes of token `index`: a string's between its quotes, a number's as written.
    @inline(__always)
    func span(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let token = tokens[index]
        return UnsafeBufferPointer(start: bytes + Int(token.start), count: Int(token.end - token.start))
    }

    /// The bytes of string token `index` packed, read as whole words where the line allows; nil when
    /// it is longer than ``PackedText/capacity``. (The raw bytes: for a key or a spelling, the caller
    /// first checks that the token is ``JSONToken/Flags/verbatim``.)
    @inline(__always)
    func packed(_ index: Int) -> PackedText? {
        let token = tokens[index]
        return PackedText(bytes, count: count, from: Int(token.start), length: Int(token.end - token.start))
    }

    /// The text of string token `index`.
    func string(_ index: Int) -> String {
        let token = tokens[index]
        guard token.flags.contains(.escaped) || token.flags.contains(.markedSegment) else {
            return String(decoding: span(index), as: UTF8.self)
        }
        var text: [UInt8] = []
        decode(index) { text.append($0) }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether two string tokens read the same (Swift's string equality).
    func string(_ first: Int, equals second: Int) -> Bool {
        let one = tokens[first]
        let other = tokens[second]
        if one.flags == .verbatim, other.flags == .verbatim {
            let count = Int(one.end - one.start)
            return Int(other.end - other.start) == count
                && memcmp(bytes + Int(one.start), bytes + Int(other.start), count) == 0
        }
        return string(first) == string(second)
    }

    /// The contact string token `index` names, as ``ContactID/init(key:)`` reads it: digits are read
    /// here for a plain key, any other key through its text.
    func contact(_ index: Int) -> ContactID {
        guard tokens[index].flags == .verbatim, let number = ContactID.leadNumber(span(index)) else {
            return ContactID(key: string(index))
        }
        return .lead(number)
    }

    /// Calls `body` with each UTF-8 byte of the text of string token `index`.
    private func decode(_ index: Int, _ body: (UInt8) -> Void) {
        let raw = span(index)
        var position = 0
        var isSegmentStart = true
        while position < raw.count {
            if isSegmentStart {
                isSegmentStart = false
                if position + 2 < raw.count, raw[position] == 0xEF, raw[position + 1] == 0xBB, raw[position + 2] == 0xBF
                {
                    position += 3
                    continue
                }
            }
            let byte = raw[position]
            guard byte == UInt8(ascii: "\\") else {
                body(byte)
                position += 1
                continue
            }
            isSegmentStart = true
            let letter = raw[position + 1]
            position += 2
            switch letter {
            case UInt8(ascii: "b"): body(0x08)
            case UInt8(ascii: "f"): body(0x0C)
            case UInt8(ascii: "n"): body(0x0A)
            case UInt8(ascii: "r"): body(0x0D)
            case UInt8(ascii: "t"): body(0x09)
            case UInt8(ascii: "u"):
                var scalar = UInt32(Self.hex(raw, position))
                position += 4
                if scalar & 0xFC00 == 0xD800 {
                    // The scanner checked that an escaped low surrogate follows.
                    let low = UInt32(Self.hex(raw, position + 2))
                    position += 6
                    scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                }
                if let character = Unicode.Scalar(scalar) { UTF8.encode(character, into: body) }
            default: body(letter)  // " \ /
            }
        }
    }

    private static func hex(_ raw: UnsafeBufferPointer<UInt8>, _ position: Int) -> UInt16 {
        var unit: UInt16 = 0
        for offset in 0..<4 {
            let byte = raw[position + offset]
            let digit = byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : (byte | 0x20) - UInt8(ascii: "a") + 10
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    /// The value of token `index` as a ``JSONValue``, built as the reference decoder builds it.
    func value(_ index: Int) -> JSONValue {
        let token = tokens[index]
        switch token.kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .string: return .string(string(index))
        case .number:
            let written = JSONNumber.written(span(index))
            return .number(FoundationNumber.text(written) ?? written)
        case .array:
            var elements: [JSONValue] = []
            var element = index + 1
            while element < Int(token.next) {
                elements.append(value(element))
                element = Int(tokens[element].next)
            }
            return .array(elements)
        case .object:
            var members: [String: JSONValue] = [:]
            var member = index + 1
            while member < Int(token.next) {
                members[string(member)] = value(member + 1)
                member = Int(tokens[member + 1].next)
            }
            return .object(members)
        }
    }

    /// Whether a number Foundation cannot represent is left in the value of token `index` once each
    /// object keeps only the last value of a repeated key.
    func keepsUnrepresentable(_ index: Int) -> Bool {
        let token = tokens[index]
        switch token.kind {
        case .number: return token.flags.contains(.unrepresentable)
        case .array:
            var element = index + 1
            while element < Int(token.next) {
                if keepsUnrepresentable(element) { return true }
                element = Int(tokens[element].next)
            }
            return false
        case .object:
            var member = index + 1
            while member < Int(token.next) {
                let following = Int(tokens[member + 1].next)
                var later = following
                var isReplaced = false
                while later < Int(token.next), !isReplaced {
                    isReplaced = string(member, equals: later)
                    later = Int(tokens[later + 1].next)
                }
                if !isReplaced, keepsUnrepresentable(member + 1) { return true }
                member = following
            }
            return false
        case .string, .true, .false, .null: return false
        }
    }
}

extension ContactID {
    /// The contact number a key of one to nine ASCII digits spells, as ``ContactID/init(key:)`` reads
    /// it; nil for any other key.
    @inline(__always)
    static func leadNumber(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard (1...9).contains(key.count) else { return nil }
        var number = 0
        for byte in key {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            number = number &* 10 &+ Int(digit)
        }
        return number
    }
}
