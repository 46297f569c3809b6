import Foundation
import Testing

@testable import FileIO

@Suite("Opening and reading input files")
struct InputFileTests {
    static func cause(_ path: String) -> FileError.Cause? {
        do {
            _ = try InputFile(path: path).readAll()
            return nil
        } catch {
            return error.cause
        }
    }

    @Test func aMissingFileIsNoSuchFile() throws {
        let scratch = try Scratch()
        #expect(Self.cause(scratch.path("missing")) == .noSuchFile)
        #expect(
            FileError(path: "x", cause: .noSuchFile).description == "x: no such file")
    }

    @Test func aFolderIsRefusedAsAFolder() throws {
        let scratch = try Scratch()
        #expect(Self.cause(scratch.folder) == .isAFolder)
    }

    @Test func aPathBelowARegularFileNamesThatFile() throws {
        let scratch = try Scratch()
        let file = try scratch.file("plain", "text")
        #expect(Self.cause(file + "/below/deeper") == .parentNotAFolder(file))
        #expect(
            FileError(path: file + "/below", cause: .parentNotAFolder(file)).reason
                == "no such file: \(file) is a file, not a folder")
    }

    @Test func aSymbolicLinkLoopIsSaidInWords() throws {
        let scratch = try Scratch()
        try FileManager.default.createSymbolicLink(atPath: scratch.path("a"), withDestinationPath: scratch.path("b"))
        try FileManager.default.createSymbolicLink(atPath: scratch.path("b"), withDestinationPath: scratch.path("a"))
        #expect(Self.cause(scratch.path("a")) == .symbolicLinkLoop)
        #expect(FileError(path: "a", cause: .symbolicLinkLoop).reason.contains("too many levels of symbolic links"))
    }

    @Test func aDeviceFileIsRefusedWhateverTheUser() {
        #expect(Self.cause("/dev/zero") == .notAFileOrPipe("a character device"))
        #expect(
            FileError(path: "/dev/zero", cause: .notAFileOrPipe("a character device")).description
                == "/dev/zero: is a character device, not a regular file or a pipe")
    }

    @Test(arguments: [(EACCES, "permission denied"), (EPERM, "permission denied"), (ENOSPC, "errno 28")])
    func errnoValuesBecomePlainCauses(_ code: Int32, _ words: String) {
        #expect(FileError(code: code, path: "/nowhere", name: "f").reason.contains(words))
        #expect(!FileError(code: code, path: "/nowhere", name: "f").reason.contains("Domain"))
    }

    @Test func peekedBytesAreReadAgainByTheNextReads() throws {
        let scratch = try Scratch()
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let input = try InputFile(path: try scratch.file("data", bytes))
        #expect(try input.peek(upTo: 70_000) == Array(bytes[..<70_000]))
        #expect(try input.peek(upTo: 10) == Array(bytes[..<10]))
        var first = [UInt8](repeating: 0, count: 5)
        let count = try first.withUnsafeMutableBytes { try input.read(into: $0) }
        #expect(first[..<count] == bytes[..<count])
        #expect(try input.readAll() == Array(bytes[count...]))
    }

    @Test func aFIFOIsReadAsAStreamOnceAWriterComes() async throws {
        let scratch = try Scratch()
        let fifo = try scratch.fifo("pipe")
        let text = String(repeating: "a line of the stream\n", count: 10_000)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)
            for chunk in text.utf8.chunks(ofCount: 4093) { handle?.write(Data(chunk)) }
            try? handle?.close()
        }
        writer.start()
        let input = try InputFile(path: fifo)
        #expect(input.status.kind == .fifo)
        #expect(try input.peek(upTo: 21) == Array("a line of the stream\n".utf8))
        #expect(try input.readText() == text)
    }

    @Test func aLongerFileThanTheLimitIsTooLarge() throws {
        let scratch = try Scratch()
        let path = try scratch.file("big", [UInt8](repeating: 0x41, count: 100_001))
        #expect(throws: FileError(path: path, cause: .tooLarge(limit: 100_000))) {
            try InputFile(path: path).readAll(limit: 100_000)
        }
        #expect(try InputFile(path: path).readAll(limit: 100_001).count == 100_001)
    }

    @Test func textThatIsNotUTF8NamesTheByteItsLineAndColumn() throws {
        let scratch = try Scratch()
        // Latin-1: "café" on the second line.
        let path = try scratch.file("latin1", Array("first\nca".utf8) + [0x66, 0xE9] + Array("\n".utf8))
        #expect(throws: FileError(path: path, cause: .notUTF8(byte: 0xE9, offset: 9, line: 2, column: 4))) {
            try InputFile(path: path).readText()
        }
        #expect(
            FileError(path: "p", cause: .notUTF8(byte: 0xE9, offset: 9, line: 2, column: 4)).reason
                == "not UTF-8 text: byte 0xE9 at line 2, column 4 (byte offset 9)")
    }

    @Test func textAfterAByteOrderMarkThatIsNotUTF8NamesTheByteAtItsOffsetInTheFile() throws {
        let scratch = try Scratch()
        // The offset counts the mark's 3 bytes once: the bad byte is the file's last.
        let path = try scratch.file("bom-latin1", [0xEF, 0xBB, 0xBF] + Array("caf".utf8) + [0xE9])
        #expect(throws: FileError(path: path, cause: .notUTF8(byte: 0xE9, offset: 6, line: 1, column: 7))) {
            try InputFile(path: path).readText()
        }
    }

    @Test func crlfLineEndsAndAByteOrderMarkAreReadAsPlainLines() throws {
        let scratch = try Scratch()
        let path = try scratch.file("crlf", "\u{FEFF}status\r\nwrite 1 --amplitude 3\r\n\r\nquit\r\n")
        #expect(try InputFile(path: path).readLines() == ["status", "write 1 --amplitude 3", "", "quit"])
        #expect(try InputFile(path: path).readText() == "status\nwrite 1 --amplitude 3\n\nquit\n")
        let unterminated = try scratch.file("last", "a\nb")
        #expect(try InputFile(path: unterminated).readLines() == ["a", "b"])
    }
}

extension String.UTF8View {
    /// The bytes in pieces of at most `count`.
    fileprivate func chunks(ofCount count: Int) -> [[UInt8]] {
        let bytes = Array(self)
        return stride(from: 0, to: bytes.count, by: count).map { Array(bytes[$0..<Swift.min($0 + count, bytes.count)]) }
    }
}
