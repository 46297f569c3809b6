import Foundation
import Testing

@testable import TherapyLog

/// One bad byte costs its line, not the file; only a file that is not text at all is refused whole.
@Suite("Bad bytes in a recording")
struct BadByteTests {
    typealias R = TestRecordings

    static let header = R.header("2026-01-01T00:00:00Z")
    static let battery = #"{"t":"2026-01-01T01:00:00Z","type":"battery","percent":80}"#
    static let end = #"{"t":"2026-01-02T00:00:00Z","type":"end"}"#

    static func read(_ bytes: [UInt8], chunkSize: Int = 64 * 1024) throws -> (items: [RecordingItem], lines: Int) {
        let reader = try RecordingReader(
            contentsOf: R.temporary(Data(bytes)), options: ReadingOptions(chunkSize: chunkSize))
        var items: [RecordingItem] = []
        let outcome = try reader.read { items.append($0) }
        return (items, outcome.lineCount)
    }

    static func findings(_ items: [RecordingItem]) -> [ReadingFinding] {
        items.compactMap { if case .finding(let finding) = $0 { finding } else { nil } }
    }

    static func error(_ bytes: [UInt8]) -> RecordingError? {
        do {
            _ = try read(bytes)
            return nil
        } catch {
            return error as? RecordingError
        }
    }

    /// `text` with a NUL byte at `offset`.
    static func withNUL(_ text: String, at offset: Int) -> [UInt8] {
        var bytes = Array(text.utf8)
        bytes[offset] = 0
        return bytes
    }

    @Test func aNULInTheSecondLineCostsThatLineOnlyWithItsColumn() throws {
        let text = [Self.header, Self.battery, Self.battery, Self.end].joined(separator: "\n") + "\n"
        let offset = Self.header.utf8.count + 1 + 10
        let (items, lines) = try Self.read(Self.withNUL(text, at: offset))
        #expect(lines == 4)
        #expect(
            Self.findings(items) == [
                ReadingFinding(line: 2, kind: .invalidJSON, message: "a NUL byte at column 11 (no JSON line holds one)")
            ])
        #expect(items.count { if case .event = $0 { true } else { false } } == 2)
    }

    @Test func aNULAtTheFirstByteOrInTheHeaderLineIsAnErrorOnLineOneWithItsColumn() {
        let text = [Self.header, Self.battery, Self.end].joined(separator: "\n") + "\n"
        for (offset, column) in [(0, 1), (30, 31)] {
            #expect(
                Self.error(Self.withNUL(text, at: offset))
                    == RecordingError(
                        line: 1, reason: .notARecording("a NUL byte at column \(column) (no JSON line holds one)")))
        }
    }

    @Test func aHeaderLineThatIsNotUTF8IsAnErrorNamingTheByteAndItsColumn() {
        var bytes = Array(([Self.header, Self.battery, Self.end].joined(separator: "\n") + "\n").utf8)
        bytes[30] = 0xE9
        #expect(
            Self.error(bytes)
                == RecordingError(
                    line: 1,
                    reason: .notARecording(
                        "the header line is not UTF-8 text (byte 0xE9 at column 31); a recording is UTF-8")
                ))
    }

    @Test(arguments: [64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1])
    func aNULAroundTheEndOfTheFirstChunkCostsOnlyItsLine(_ offset: Int) throws {
        var text = Self.header + "\n"
        while text.utf8.count < 70 * 1024 { text += Self.battery + "\n" }
        text += Self.end + "\n"
        let bytes = Self.withNUL(text, at: offset)
        let line = 1 + bytes[..<offset].count { $0 == 0x0A }
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A)! + 1
        for chunkSize in [64 * 1024, 1000, 7] {
            let (items, _) = try Self.read(bytes, chunkSize: chunkSize)
            let findings = Self.findings(items)
            #expect(findings.map(\.line) == [line])
            #expect(findings.first?.message.contains("a NUL byte at column \(offset - lineStart + 1)") == true)
        }
    }

    @Test func manyNULsAreFoundOnTheirLinesWhateverTheChunkSize() throws {
        var lines = [Self.header]
        for index in 0..<200 { lines.append(index % 3 == 0 ? "\u{0}" + Self.battery : Self.battery) }
        lines.append(Self.end)
        let text = Array(lines.joined(separator: "\n").utf8)
        let reference = try Self.read(text)
        #expect(Self.findings(reference.items).map(\.line) == stride(from: 2, through: 200, by: 3).map { $0 })
        for chunkSize in [1, 2, 3, 61, 62, 63, 4096] {
            let chunked = try Self.read(text, chunkSize: chunkSize)
            #expect(chunked.items == reference.items, "chunk size \(chunkSize)")
        }
    }

    @Test(
        arguments: [
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "a PNG image"),
            ([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03], "a gzip-compressed file"),
        ] as [([UInt8], String)])
    func aBinaryFormatIsRefusedWholeNamingIt(_ head: [UInt8], _ name: String) {
        guard case .binary(let reason)? = Self.error(head + Array((Self.header + "\n").utf8))?.reason else {
            Issue.record("expected a binary file")
            return
        }
        #expect(reason.hasPrefix(name))
    }

    @Test func aUTF16RecordingIsRefusedWholeAsUTF16() {
        let text = "\u{FEFF}" + [Self.header, Self.battery, Self.end].joined(separator: "\n") + "\n"
        let utf16 = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(
            Self.error(utf16)?.description
                == "not a recording, nor text at all: UTF-16 (little-endian byte-order mark) text; only UTF-8 is read")
    }

    @Test func aLatin1HeaderIsNotUTF8AtItsColumnNotABinaryFile() {
        var bytes = Array(Self.header.replacingOccurrences(of: "\"T-1\"", with: "\"T-1X\"").utf8)
        let column = bytes.firstIndex(of: UInt8(ascii: "X"))! + 1
        bytes[column - 1] = 0xE9
        let error = Self.error(bytes + Array(("\n" + Self.end + "\n").utf8))
        #expect(error?.line == 1)
        #expect(error?.description.contains("not UTF-8 text (byte 0xE9 at column \(column))") == true)
    }

    @Test func crlfLineEndsReadExactlyAsLFLineEnds() throws {
        let url = TestRecordings.edgeCases.appendingPathComponent("charges-impedance-safety.scsrec.jsonl")
        let lf = Array(try Data(contentsOf: url))
        let crlf = lf.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
        let fromLF = try Self.read(lf)
        let fromCRLF = try Self.read(crlf)
        #expect(fromCRLF.items == fromLF.items)
        #expect(fromCRLF.lines == fromLF.lines)
    }
}
