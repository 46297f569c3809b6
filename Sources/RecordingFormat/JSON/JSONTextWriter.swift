/// The package's one JSON writer: writes a document as it goes, in the layout of Foundation's
/// `JSONEncoder` with `.withoutEscapingSlashes`, pretty-printed or on one line.
///
/// Members are written in the order given. A report writes them sorted by key, so that a report too
/// large to build as a tree first comes out byte for byte as the encoder with `.sortedKeys` would write
/// it (`docs/analysis-json.md`); a recording line writes them in the writer's order
/// (`docs/recording-format.md` §1).
public struct JSONTextWriter {
    /// The UTF-8 text so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether the layout is pretty-printed.
    public let isPretty: Bool
    /// How many containers are open, plus the depth the document starts at.
    private var depth: Int
    /// Whether the innermost open container has no member or element yet.
    private var isEmpty = true
    /// Whether a key was just written, so the next value is its member's.
    private var isAfterKey = false
    /// Whether the writer is at the top of its document (no container open).
    private var isAtTop: Bool { depth == topDepth }
    private let topDepth: Int
    /// Where the text goes once ``bytes`` holds at least `size` bytes, between two items; nil keeps the
    /// whole text in ``bytes``.
    private let chunks: (size: Int, write: ([UInt8]) -> Void)?

    /// - Parameters:
    ///   - pretty: Two-space indentation and `"key" : value`, as `.prettyPrinted` writes; else one line.
    ///   - depth: How deeply the document sits in a larger one that the caller writes around it (its
    ///     lines are indented for that depth; the first line's indentation is the caller's).
    public init(pretty: Bool, depth: Int = 0) {
        self.init(pretty: pretty, depth: depth, chunks: nil)
    }

    /// A writer that hands its text on to `write` as it goes, in pieces of about `size` bytes, so that a
    /// document of any length is never held whole; ``flush()`` hands on the rest.
    public init(pretty: Bool, depth: Int = 0, chunksOf size: Int, to write: @escaping ([UInt8]) -> Void) {
        self.init(pretty: pretty, depth: depth, chunks: (size, write))
    }

    private init(pretty: Bool, depth: Int, chunks: (size: Int, write: ([UInt8]) -> Void)?) {
        isPretty = pretty
        self.depth = depth
        topDepth = depth
        self.chunks = chunks
    }

    /// Hands the text not yet written on to the writer's `write` (``init(pretty:depth:chunksOf:to:)``).
    public mutating func flush() {
        guard let chunks, !bytes.isEmpty else { return }
        chunks.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// The text so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// An object, whose members `body` writes (each a ``key(_:)`` and its value).
    public mutating func object(_ body: (inout JSONTextWriter) throws -> Void) rethrows {
        try container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// An array, whose elements `body` writes.
    public mutating func array(_ body: (inout JSONTextWriter) throws -> Void) rethrows {
        try container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    /// The key of the next member of the open object.
    public mutating func key(_ name: String) {
        startItem()
        JSONTextWriter.appendQuoted(name, to: &bytes)
        if isPretty {
            bytes.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
        isAfterKey = true
    }

    /// A string value.
    public mutating func string(_ value: String) {
        startValue()
        JSONTextWriter.appendQuoted(value, to: &bytes)
    }

    /// A number value, from its JSON text.
    public mutating func number(_ text: String) {
        literal(text)
    }

    /// A whole-number value.
    public mutating func integer(_ value: some BinaryInteger) {
        literal(String(value))
    }

    /// `true` or `false`.
    public mutating func bool(_ value: Bool) {
        literal(value ? "true" : "false")
    }

    /// `null`.
    public mutating func null() {
        literal("null")
    }

    /// A value that is already JSON text written in this writer's layout at depth 0: its lines are
    /// indented for where it goes.
    public mutating func raw(_ json: some StringProtocol) {
        startValue()
        guard isPretty else { return bytes.append(contentsOf: json.utf8) }
        // A JSON string holds no raw line break, so every one is the layout's; the blank line inside an
        // empty container stays blank.
        var lastWasBreak = false
        for byte in json.utf8 {
            if lastWasBreak && byte != UInt8(ascii: "\n") { indent() }
            bytes.append(byte)
            lastWasBreak = byte == UInt8(ascii: "\n")
        }
    }

    /// A value read or made in the recording model: object members sorted by key, numbers as their
    /// text.
    public mutating func value(_ json: JSONValue) {
        switch json {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let text): number(text)
        case .string(let text): string(text)
        case .array(let elements): array { for element in elements { $0.value(element) } }
        case .object(let members):
            object { writer in
                for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                    writer.key(name)
                    writer.value(member)
                }
            }
        }
    }

    /// `values` as an array of strings.
    public mutating func strings(_ values: [String]) {
        array { for value in values { $0.string(value) } }
    }

    private mutating func literal(_ text: String) {
        startValue()
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func container(
        open: UInt8, close: UInt8, _ body: (inout JSONTextWriter) throws -> Void
    ) rethrows {
        startValue()
        bytes.append(open)
        let outerIsEmpty = isEmpty
        isEmpty = true
        depth += 1
        try body(&self)
        depth -= 1
        if isPretty {
            // The encoder writes an empty container across two line breaks.
            if isEmpty { bytes.append(UInt8(ascii: "\n")) }
            bytes.append(UInt8(ascii: "\n"))
            indent()
        }
        bytes.append(close)
        isEmpty = outerIsEmpty
    }

    /// Before a value: the separator and line break of an array's element, none after a key or at the
    /// top.
    private mutating func startValue() {
        if isAfterKey {
            isAfterKey = false
        } else if !isAtTop {
            startItem()
        }
    }

    /// Before a member or an element: a comma after the one before, then its own line when pretty.
    private mutating func startItem() {
        if let chunks, bytes.count >= chunks.size { flush() }
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        isEmpty = false
        guard isPretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        indent()
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// Appends `value` as a JSON string literal: the escapes RFC 8259 requires, in the encoder's forms
    /// (`\b`, `\f`, `\n`, `\r`, `\t`, else `\u00XX` in lowercase hex), and `/` as it is.
    private static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Keys, dates and most text need no escape: copied whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: value.utf8)
            return bytes.append(UInt8(ascii: "\""))
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case ..<0x20:
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(contentsOf: [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
