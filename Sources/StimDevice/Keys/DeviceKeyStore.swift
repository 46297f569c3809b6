import StimProtocol

/// The simulator's secret keys, one per session role, and their file format.
///
/// The file is text, one key per line, so that it can be read, diffed and handed to a host:
///
///     # any comment
///     scs-keys 1
///     clinician 8f1c…(hex, at least 32 digits)
///     patient 03aa…
///
/// The first non-comment line names the format and its version; each following line is a role and
/// its key in hexadecimal. A role may appear once; a role without a line has no key, and sessions in
/// it cannot be authenticated.
public struct DeviceKeyStore: Sendable {
    /// The format line's first word.
    public static let formatName = "scs-keys"
    /// The format version this code reads and writes.
    public static let formatVersion = 1

    private var keys: [Role: [UInt8]] = [:]

    /// A store without keys.
    public init() {}

    /// A store with a fresh 32-byte key for every role.
    public static func generate(using generator: inout some RandomNumberGenerator) -> DeviceKeyStore {
        var store = DeviceKeyStore()
        for role in Role.allCases {
            store.keys[role] = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        }
        return store
    }

    /// The key of `role`, nil when the store has none.
    public func key(for role: Role) -> DeviceKey? {
        keys[role].flatMap { try? DeviceKey(bytes: $0) }
    }

    /// The store as the text of its file.
    public var fileContents: String {
        var text = "# simulated stimulator keys: keep this file private\n"
        text += "\(Self.formatName) \(Self.formatVersion)\n"
        for role in Role.allCases {
            guard let bytes = keys[role] else { continue }
            text += role.description + " " + Hex.encode(bytes) + "\n"
        }
        return text
    }

    /// Reads a store from the text of its file.
    public init(fileContents text: String) throws(KeyStoreError) {
        var sawFormat = false
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count == 2 else { throw KeyStoreError(line: lineNumber, reason: .malformedLine) }
            guard sawFormat else {
                guard words[0] == Self.formatName else { throw KeyStoreError(line: lineNumber, reason: .notAKeyFile) }
                guard words[1] == String(Self.formatVersion) else {
                    throw KeyStoreError(line: lineNumber, reason: .unsupportedVersion(String(words[1])))
                }
                sawFormat = true
                continue
            }
            guard let role = Role.allCases.first(where: { $0.description == words[0] }) else {
                throw KeyStoreError(line: lineNumber, reason: .unknownRole(String(words[0])))
            }
            guard keys[role] == nil else { throw KeyStoreError(line: lineNumber, reason: .duplicateRole(role)) }
            guard let bytes = Hex.decode(words[1]) else { throw KeyStoreError(line: lineNumber, reason: .invalidHex) }
            guard bytes.count >= DeviceKey.minimumLength else {
                throw KeyStoreError(line: lineNumber, reason: .keyTooShort(length: bytes.count))
            }
            keys[role] = bytes
        }
        guard sawFormat else { throw KeyStoreError(line: nil, reason: .notAKeyFile) }
    }
}

extension Substring {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}

/// Lower-case hexadecimal text of bytes.
enum Hex {
    static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    /// The bytes of an even number of hex digits (either case); nil for anything else.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
