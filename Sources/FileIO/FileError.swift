/// Why a file could not be opened, read or written: the file's name and the real cause, in plain
/// words (never a Foundation error domain or code).
public struct FileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it (`standard input` for `-`).
    public var path: String
    /// What is wrong.
    public var cause: Cause

    public init(path: String, cause: Cause) {
        self.path = path
        self.cause = cause
    }

    /// The causes a user can act on, each from an `errno` value, a file type or a decoding check.
    public enum Cause: Hashable, Sendable {
        /// `ENOENT`: nothing at that path.
        case noSuchFile
        /// `ENOTDIR`: a part of the path (given) is a file, so nothing can lie below it.
        case parentNotAFolder(String)
        /// `EISDIR`, or a folder where a file was expected.
        case isAFolder
        /// A file where a folder was expected.
        case notAFolder
        /// `EACCES` or `EPERM`.
        case permissionDenied
        /// `ELOOP`: symbolic links that point at each other.
        case symbolicLinkLoop
        /// A device file or a socket (its kind, in words), which is neither a regular file nor a pipe.
        case notAFileOrPipe(String)
        /// Text that is not UTF-8: the first bad byte, its 0-based offset and its 1-based line and column.
        case notUTF8(byte: UInt8, offset: Int, line: Int, column: Int)
        /// More bytes than a reader accepts.
        case tooLarge(limit: Int)
        /// Any other `errno` value, with the C library's text for it.
        case system(code: Int32, message: String)
    }

    /// The cause in words, without the path.
    public var reason: String {
        switch cause {
        case .noSuchFile: "no such file"
        case .parentNotAFolder(let parent): "no such file: \(parent) is a file, not a folder"
        case .isAFolder: "is a folder, not a file"
        case .notAFolder: "is a file, not a folder"
        case .permissionDenied: "permission denied"
        case .symbolicLinkLoop: "too many levels of symbolic links (the links form a loop)"
        case .notAFileOrPipe(let kind): "is \(kind), not a regular file or a pipe"
        case .notUTF8(let byte, let offset, let line, let column):
            "not UTF-8 text: byte 0x\(Self.hex(byte)) at line \(line), column \(column) (byte offset \(offset))"
        case .tooLarge(let limit): "larger than the \(limit)-byte limit"
        case .system(let code, let message): "\(message) (errno \(code))"
        }
    }

    public var description: String { "\(path): \(reason)" }

    /// `byte` as two upper-case hexadecimal digits.
    public static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
