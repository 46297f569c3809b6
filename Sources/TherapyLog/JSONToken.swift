/// One value of a scanned line: its kind, where its bytes are, and where the values after it start.
///
/// A line's tokens are its values in document order. A container is followed by its contents: an
/// array by its elements, an object by key and value pairs (the key a string token); `next` is the
/// index of the first token after the value and everything inside it, so a value is skipped in one
/// step. Offsets are 32-bit: lines are far shorter than 4 GiB (the reader caps them at 1 MiB).
struct JSONToken: Equatable, Sendable {
    var kind: Kind
    var flags: Flags
    /// A string's first byte after the opening quote; a number's first byte; a container's `{` or `[`.
    var start: Int32
    /// A string's closing quote; the byte after a number; the byte after a container or a literal.
    var end: Int32
    /// The index of the token after this value and its contents.
    var next: Int32
    /// For the key of an object member: the raw value of the ``SchemaKey`` it spells, 0 for none, or
    /// ``keyNeedsText`` when the key is not plain ASCII as written (an escape, a non-ASCII byte), so
    /// that whether it equals a schema key is a matter of its text.
    var schemaKey: UInt8 = 0

    /// The ``schemaKey`` mark of a key compared through its text.
    static let keyNeedsText: UInt8 = 0xFF

    enum Kind: UInt8, Sendable {
        case object, array, string, number, `true`, `false`, null

        /// The name of the JSON type, as messages give it (the same as ``JSONValue/typeName``).
        var typeName: String {
            switch self {
            case .null: "null"
            case .true, .false: "a boolean"
            case .number: "a number"
            case .string: "a string"
            case .array: "an array"
            case .object: "an object"
            }
        }
    }

    /// What a string needs before its bytes are its text, and whether a number fits.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// The string has an escape sequence.
        static let escaped = Flags(rawValue: 1)
        /// A part of the string between escapes starts with a byte-order mark, which Foundation drops.
        static let markedSegment = Flags(rawValue: 2)
        /// The string has a byte above 0x7F (valid UTF-8, checked while scanning).
        static let nonASCII = Flags(rawValue: 4)

        /// The number is too large for Foundation to represent: the line is invalid if the number is
        /// still there once repeated keys have replaced earlier values (Foundation converts numbers
        /// after parsing, so a replaced one is never looked at).
        static let unrepresentable = Flags(rawValue: 8)

        /// An object in which a schema key may be written more than once (a key marked twice, or a key
        /// whose mark says to compare its text), so that a look-up must read every member for the last.
        static let mayRepeatSchemaKey = Flags(rawValue: 16)

        /// The string's bytes are its UTF-8 text as they stand.
        static let verbatim: Flags = []
    }
}

extension JSONToken {
    /// The ``schemaKey`` mark of a key string whose text starts at `start` and ends at `end` in `bytes`
    /// (`count` bytes in all), with `flags` as scanned.
    @inline(__always)
    static func schemaKeyMark(
        _ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int, count: Int, flags: Flags
    ) -> UInt8 {
        guard flags == .verbatim else { return keyNeedsText }
        guard let text = PackedText(bytes, count: count, from: start, length: end - start) else { return 0 }
        return SchemaKey(text)?.rawValue ?? 0
    }

    /// A token from `Int` offsets, which the caller keeps within 32 bits (it checks the line's length).
    @inline(__always)
    init(_ kind: Kind, _ flags: Flags, from start: Int, to end: Int, next: Int) {
        self.init(
            kind: kind, flags: flags, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end),
            next: Int32(truncatingIfNeeded: next))
    }
}

/// The schema-key marks of one object's keys, as they are scanned: whether a look-up may stop at the
/// first member with a key.
struct SchemaKeyTally {
    private var seen: UInt64 = 0
    private var repeated: UInt64 = 0

    /// Counts a key with schema-key mark `mark` (bit 0 for no schema key, bit 63 for a key compared
    /// through its text; the schema keys' raw values lie between).
    @inline(__always)
    mutating func add(_ mark: UInt8) {
        let bit: UInt64 = 1 &<< UInt64(mark & 63)
        repeated |= seen & bit
        seen |= bit
    }

    /// The object token's flags: ``JSONToken/Flags/mayRepeatSchemaKey`` unless every schema key is
    /// written at most once, as plain text.
    var objectFlags: JSONToken.Flags {
        (repeated & ~1) != 0 || seen >> 63 != 0 ? .mayRepeatSchemaKey : []
    }
}
