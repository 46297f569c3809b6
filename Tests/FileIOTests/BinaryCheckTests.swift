import Testing

@testable import FileIO

@Suite("Telling text from a binary file")
struct BinaryCheckTests {
    static func reason(_ bytes: [UInt8]) -> String? {
        BinaryCheck.reason(bytes, isWholeFile: true)
    }

    static let line = Array(#"{"t":"2026-01-01T00:00:00Z","type":"battery","percent":80}"#.utf8) + [0x0A]

    @Test func textWithOneNULOrAFewLatin1BytesIsStillText() {
        var bytes = Array(repeating: Self.line, count: 100).flatMap { $0 }
        bytes[0] = 0
        bytes[500] = 0xE9
        #expect(Self.reason(bytes) == nil)
    }

    @Test func controlBytesOverTheLimitMakeABinaryFileAndTheReasonGivesShareAndFirstNUL() throws {
        let bytes =
            Array(repeating: Self.line, count: 9).flatMap { $0 } + [UInt8](repeating: 0x01, count: 100)
            + [0x00]
        let reason = try #require(Self.reason(bytes))
        let share = (101 * 100 + bytes.count / 2) / bytes.count
        #expect(share > 10)
        #expect(reason.contains("\(share) % of its \(bytes.count) bytes are control bytes or not UTF-8"))
        #expect(reason.contains("the limit for text is 10 %"))
        #expect(reason.contains("the first NUL byte is at offset \(bytes.count - 1)"))
        #expect(!BinaryCheck.reason(bytes, isWholeFile: false)!.contains("its \(bytes.count)"))
    }

    @Test func controlBytesJustAtTheLimitAreStillText() {
        let text = [UInt8](repeating: 0x41, count: 900)
        #expect(Self.reason(text + [UInt8](repeating: 0x02, count: 100)) == nil)
        #expect(Self.reason(text + [UInt8](repeating: 0x02, count: 101)) != nil)
    }

    @Test(
        arguments: [
            ([0xFF, 0xFE, 0x7B, 0x00], "UTF-16 (little-endian byte-order mark)"),
            ([0xFE, 0xFF, 0x00, 0x7B], "UTF-16 (big-endian byte-order mark)"),
            ([0x7B, 0x00, 0x22, 0x00], "UTF-16 (little-endian: every other byte is zero)"),
            ([0x00, 0x7B, 0x00, 0x22], "UTF-16 (big-endian: every other byte is zero)"),
            ([0xFF, 0xFE, 0x00, 0x00], "UTF-32 (little-endian byte-order mark)"),
            ([0x7B, 0x00, 0x00, 0x00], "UTF-32 (little-endian: three zero bytes after the first)"),
        ] as [([UInt8], String)])
    func wideUnicodeEncodingsAreNamed(_ head: [UInt8], _ name: String) {
        #expect(Self.reason(head + Self.line) == "\(name) text; only UTF-8 is read")
    }

    @Test(
        arguments: [
            ([0x1F, 0x8B, 0x08, 0x00], "a gzip-compressed file"),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
            ([0x50, 0x4B, 0x03, 0x04], "a zip archive"), ([0x7F, 0x45, 0x4C, 0x46, 0x02], "an ELF executable"),
            ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz-compressed file"),
        ] as [([UInt8], String)])
    func commonBinaryFormatsAreNamedWithTheirSignature(_ head: [UInt8], _ name: String) throws {
        let reason = try #require(Self.reason(head + Self.line))
        #expect(reason.hasPrefix(name))
        #expect(reason.contains("it starts with the bytes"))
    }
}
