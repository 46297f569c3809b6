/// Reads one line as JSON exactly as Foundation's `JSONSerialization` does (with fragments allowed)
/// and records its values as ``JSONToken``s, without building a string, an array or a dictionary.
///
/// What it accepts is what Foundation accepts, quirks included: whitespace is space, tab, line feed
/// and carriage return; an object or array may end with a trailing comma (`[1,]`, `{"a":1,}`);
/// containers nest at most 512 deep; strings must be valid UTF-8 with no unescaped control
/// character, and `\u` escapes must pair surrogates; a number that does not fit a `Double` (and is
/// no integer or decimal Foundation keeps exactly) makes the whole line invalid, wherever it is,
/// unless a repeated key replaced it (Foundation converts numbers after parsing, from the
/// dictionaries that keep only a key's last value).
struct JSONScanner {
    /// Containers nested deeper than this are refused, as Foundation refuses them.
    static let maximumDepth = 512

    /// The line is not JSON that Foundation would read.
    struct Invalid: Error {}

    /// What a scan found.
    enum Outcome: Equatable {
        /// Not JSON Foundation reads.
        case invalid
        /// Valid JSON, unless `hasUnrepresentable` and such a number outlives the repeated keys.
        case scanned(hasUnrepresentable: Bool)
    }

    let bytes: UnsafePointer<UInt8>
    let count: Int
    var index = 0
    private var depth = 0
    /// Whether a number too large for Foundation was seen.
    var hasUnrepresentable = false

    init(_ bytes: UnsafePointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
    }

    /// Scans `line` into `tokens` (emptied first).
    static func scan(_ line: UnsafeRawBufferPointer, into tokens: inout [JSONToken]) -> Outcome {
        tokens.removeAll(keepingCapacity: true)
        guard let base = line.baseAddress, line.count > 0 else { return .invalid }
        var scanner = JSONScanner(base.assumingMemoryBound(to: UInt8.self), count: line.count)
        do throws(Invalid) {
            try scanner.value(&tokens)
            scanner.skipWhitespace()
            return scanner.index == scanner.count ? .scanned(hasUnrepresentable: scanner.hasUnrepresentable) : .invalid
        } catch {
            return .invalid
        }
    }

    /// Skips JSON whitespace.
    @inline(__always)
    mutating func skipWhitespace() {
        while index < count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The next byte after whitespace; invalid at the end of the line.
    @inline(__always)
    mutating func nextSignificant() throws(Invalid) -> UInt8 {
        // Most lines have no whitespace between tokens: one comparison decides.
        if index < count, bytes[index] > 0x20 { return bytes[index] }
        skipWhitespace()
        guard index < count else { throw Invalid() }
        return bytes[index]
    }

    private mutating func value(_ tokens: inout [JSONToken]) throws(Invalid) {
        guard let scalar = try scalar() else {
            if bytes[index] == UInt8(ascii: "{") { try object(&tokens) } else { try array(&tokens) }
            return
        }
        tokens.append(JSONToken(scalar.kind, scalar.flags, from: scalar.start, to: scalar.end, next: tokens.count + 1))
    }

    /// Scans the scalar value that comes next, with its kind, flags and bytes as its token records
    /// them; nil for an object or an array.
    @inline(__always)
    mutating func scalar() throws(Invalid) -> (
        kind: JSONToken.Kind, flags: JSONToken.Flags, start: Int, end: Int
    )? {
        let first = try nextSignificant()
        let start = index
        switch first {
        case UInt8(ascii: "\""):
            let (textStart, flags) = try scanString()
            return (.string, flags, textStart, index - 1)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let flags = try scanNumber()
            return (.number, flags, start, index)
        case UInt8(ascii: "t"):
            try scanLiteral("true")
            return (.true, [], start, index)
        case UInt8(ascii: "f"):
            try scanLiteral("false")
            return (.false, [], start, index)
        case UInt8(ascii: "n"):
            try scanLiteral("null")
            return (.null, [], start, index)
        case UInt8(ascii: "{"), UInt8(ascii: "["): return nil
        default: throw Invalid()
        }
    }

    private mutating func object(_ tokens: inout [JSONToken]) throws(Invalid) {
        let container = try open(.object, &tokens)
        defer { depth -= 1 }
        var keys = SchemaKeyTally()
        if try nextSignificant() != UInt8(ascii: "}") {
            while true {
                guard try nextSignificant() == UInt8(ascii: "\"") else { throw Invalid() }
                let key = try key(next: tokens.count + 1)
                keys.add(key.schemaKey)
                tokens.append(key)
                try value(&tokens)
                if try isClosed(after: UInt8(ascii: "}")) { break }
            }
        }
        index += 1
        close(container, &tokens)
        tokens[container].flags = keys.objectFlags
    }

    private mutating func array(_ tokens: inout [JSONToken]) throws(Invalid) {
        let container = try open(.array, &tokens)
        defer { depth -= 1 }
        if try nextSignificant() != UInt8(ascii: "]") {
            while true {
                try value(&tokens)
                if try isClosed(after: UInt8(ascii: "]")) { break }
            }
        }
        index += 1
        close(container, &tokens)
    }

    /// Scans an object member's key from its opening quote, and the colon after it, into a token marked
    /// with the schema key it spells; `next` is the index of the token after it.
    @inline(__always)
    mutating func key(next: Int) throws(Invalid) -> JSONToken {
        var token: JSONToken
        let start = index &+ 1
        if let window = PackedText.window(bytes, count: count, from: start),
            case let length = Self.plainLength(window), start &+ length < count, bytes[start &+ length] == 0x22
        {
            // A plain key, as nearly every key is: its closing quote within the 16 bytes just read, and
            // nothing before it that needs attention, so those bytes are its text and its packing.
            index = start &+ length &+ 1
            token = JSONToken(.string, .verbatim, from: start, to: start &+ length, next: next)
            token.schemaKey = SchemaKey(PackedText(window: window, count: length))?.rawValue ?? 0
        } else {
            let (start, flags) = try scanString()
            token = JSONToken(.string, flags, from: start, to: index - 1, next: next)
            token.schemaKey = JSONToken.schemaKeyMark(bytes, from: start, to: index - 1, count: count, flags: flags)
        }
        guard try nextSignificant() == UInt8(ascii: ":") else { throw Invalid() }
        index += 1
        return token
    }

    /// How many bytes of `window` come before the first that needs attention in a string (see
    /// ``attentionBytes(_:)``): 16 when none does.
    @inline(__always)
    static func plainLength(_ window: (low: UInt64, high: UInt64)) -> Int {
        let first = attentionBytes(window.low)
        if first != 0 { return first.trailingZeroBitCount &>> 3 }
        return 8 &+ (attentionBytes(window.high).trailingZeroBitCount &>> 3)
    }

    /// Reads what follows a member or an element: true at the container's `closing` byte (after a
    /// trailing comma too, which Foundation accepts), false after a comma that more follows.
    @inline(__always)
    mutating func isClosed(after closing: UInt8) throws(Invalid) -> Bool {
        let separator = try nextSignificant()
        if separator == closing { return true }
        guard separator == UInt8(ascii: ",") else { throw Invalid() }
        index += 1
        return try nextSignificant() == closing
    }

    /// Records a container's token at its opening byte and enters it.
    private mutating func open(_ kind: JSONToken.Kind, _ tokens: inout [JSONToken]) throws(Invalid) -> Int {
        guard depth < Self.maximumDepth else { throw Invalid() }
        depth += 1
        tokens.append(JSONToken(kind: kind, flags: [], start: Int32(index), end: 0, next: 0))
        index += 1
        return tokens.count - 1
    }

    /// Completes a container's token once its closing byte has been read.
    private func close(_ container: Int, _ tokens: inout [JSONToken]) {
        tokens[container].end = Int32(index)
        tokens[container].next = Int32(tokens.count)
    }

    /// Steps over `word` (`true`, `false` or `null`), which must be next.
    @inline(__always)
    mutating func scanLiteral(_ word: StaticString) throws(Invalid) {
        let length = word.utf8CodeUnitCount
        guard count - index >= length else { throw Invalid() }
        let expected = word.utf8Start
        for offset in 0..<length where bytes[index + offset] != expected[offset] { throw Invalid() }
        index += length
    }

}
