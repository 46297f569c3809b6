/// Whether the first bytes of a file are text at all, and when not, why: the test a line reader runs
/// once before it reads a file line by line, so that one bad byte in a text file costs one line
/// while a compressed file, an image or UTF-16 text is refused whole with its reason.
///
/// The rules, in order: a byte-order mark or zero pattern of UTF-16 or UTF-32; the signature of a
/// common binary format; more than ``nonTextPercentLimit`` % of the bytes looked at that are control
/// bytes (other than tab, line ends, form feed and escape) or not UTF-8.
public enum BinaryCheck {
    /// The share of non-text bytes, in percent, above which a file is not text.
    public static let nonTextPercentLimit = 10
    /// How many bytes from the start of a file are looked at.
    public static let sampleLength = 64 * 1024

    /// Why `bytes` (the first ``sampleLength`` bytes of a file, or all of it when `isWholeFile`) are
    /// not text; nil when they are.
    public static func reason(_ bytes: [UInt8], isWholeFile: Bool) -> String? {
        if let encoding = wideEncoding(bytes) { return "\(encoding) text; only UTF-8 is read" }
        if let format = signatures.first(where: { bytes.starts(with: $0.bytes) }) {
            return "\(format.name) (it starts with the bytes \(format.bytes.map(FileError.hex).joined(separator: " ")))"
        }
        let counted = nonTextCount(bytes)
        guard counted * 100 > bytes.count * nonTextPercentLimit else { return nil }
        let share = (counted * 100 + bytes.count / 2) / bytes.count
        let span = isWholeFile ? "its \(bytes.count) bytes" : "its first \(bytes.count) bytes"
        var reason = "\(share) % of \(span) are control bytes or not UTF-8 (the limit for text is "
        reason += "\(nonTextPercentLimit) %)"
        if let nul = bytes.firstIndex(of: 0) { reason += "; the first NUL byte is at offset \(nul)" }
        return reason
    }

    /// `UTF-16` or `UTF-32` (and the byte order) when the first bytes say so.
    private static func wideEncoding(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4))
        if head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32 (big-endian byte-order mark)" }
        if head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32 (little-endian byte-order mark)" }
        if head.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian byte-order mark)" }
        if head.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian byte-order mark)" }
        guard head.count == 4 else { return nil }
        switch (head[0], head[1], head[2], head[3]) {
        case (0, 0, 0, let byte) where byte != 0: return "UTF-32 (big-endian: three zero bytes before the first)"
        case (let byte, 0, 0, 0) where byte != 0: return "UTF-32 (little-endian: three zero bytes after the first)"
        case (0, let first, 0, let second) where first != 0 && second != 0:
            return "UTF-16 (big-endian: every other byte is zero)"
        case (let first, 0, let second, 0) where first != 0 && second != 0:
            return "UTF-16 (little-endian: every other byte is zero)"
        default: return nil
        }
    }

    /// Formats a recording or a log is often mistaken for: compressed, archived or executable files.
    private static let signatures: [(name: String, bytes: [UInt8])] = [
        ("a gzip-compressed file (decompress it first, for example through zcat and a pipe)", [0x1F, 0x8B]),
        ("an xz-compressed file (decompress it first)", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        ("a zstd-compressed file (decompress it first)", [0x28, 0xB5, 0x2F, 0xFD]),
        ("a zip archive", [0x50, 0x4B, 0x03, 0x04]),
        ("a PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("an ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
    ]

    /// Bytes that are neither UTF-8 nor a control byte text uses. ASCII is judged a byte at a time;
    /// the UTF-8 parser looks only at the rest.
    private static func nonTextCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if isControl(byte) { count += 1 }
                index += 1
                continue
            }
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes[index...].makeIterator()
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): index += scalar.count
            case .error(let length):
                count += length
                index += length
            case .emptyInput: return count
            }
        }
        return count
    }

    /// Tab, line feed, vertical tab, form feed, carriage return and escape, as bits of a mask.
    private static let textControls: UInt32 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0B | 1 << 0x0C | 1 << 0x0D | 1 << 0x1B

    /// A C0 control byte or DEL other than those text uses.
    private static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && textControls & 1 << UInt32(byte) == 0) || byte == 0x7F
    }
}
