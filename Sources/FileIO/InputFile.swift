#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file open for reading with `open(2)` and `read(2)`: a regular file, a pipe or FIFO (`<(zcat …)`,
/// `mkfifo`), a terminal, or standard input for the path `-`.
///
/// Every file is read as a stream, front to back, without seeking and without trusting its size, so
/// a pipe reads like a file. Opening a FIFO that has no writer waits for one, as `cat` does. Folders,
/// device files and sockets are refused when opened, each with its own ``FileError``.
///
/// Bytes looked at with ``peek(upTo:)`` are kept and handed out again by the next reads, so a reader
/// can decide what a stream holds before another reads it from the start.
///
/// Not `Sendable`: it owns the descriptor and the position in the stream.
public final class InputFile {
    /// The file as messages name it: the path as given, or `standard input` for `-`.
    public let name: String
    /// What the file is, from `fstat(2)` once open.
    public let status: FileStatus
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// Bytes peeked and not yet read again: `peeked[peekedStart...]`.
    private var peeked: [UInt8] = []
    private var peekedStart = 0
    /// Bytes read from the file so far (a peek counts once).
    public private(set) var bytesRead = 0
    /// Told ``bytesRead`` after each `read(2)` that returned bytes, for a progress display.
    public var onRead: ((_ bytesRead: Int) -> Void)?

    /// The path that stands for standard input.
    public static let standardInputPath = "-"

    /// Opens `path` for reading; `-` is standard input.
    ///
    /// - Throws: ``FileError`` naming the path and the cause: no such file, a folder, a device file or
    ///   a socket, a symbolic link loop, permission denied, a part of the path that is a file.
    public init(path: String) throws(FileError) {
        if path == Self.standardInputPath {
            name = "standard input"
            descriptor = STDIN_FILENO
            ownsDescriptor = false
        } else {
            name = path
            var opened: Int32
            repeat {
                opened = open(path, O_RDONLY | O_CLOEXEC)
            } while opened < 0 && errno == EINTR
            guard opened >= 0 else { throw FileError(code: errno, path: path, name: path) }
            descriptor = opened
            ownsDescriptor = true
        }
        guard let status = FileStatus(descriptor: descriptor) else {
            let error = FileError(code: errno, path: path, name: name)
            if ownsDescriptor { close(descriptor) }
            throw error
        }
        self.status = status
        if let refusal = Self.refusal(of: status.kind, descriptor: descriptor) {
            if ownsDescriptor { close(descriptor) }
            throw FileError(path: name, cause: refusal)
        }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Reads up to `buffer.count` bytes into `buffer`: the peeked bytes first, then the file's.
    ///
    /// - Returns: The number of bytes read; 0 at the end of the file (or for an empty buffer).
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(FileError) -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        if peekedStart < peeked.count {
            let count = min(buffer.count, peeked.count - peekedStart)
            peeked.withUnsafeBytes { bytes in
                base.copyMemory(from: bytes.baseAddress! + peekedStart, byteCount: count)
            }
            peekedStart += count
            if peekedStart == peeked.count {
                peeked = []
                peekedStart = 0
            }
            return count
        }
        return try readFromFile(base, count: buffer.count)
    }

    /// The first `count` bytes not yet read (fewer at the end of the file), without consuming them:
    /// the next reads hand them out again.
    public func peek(upTo count: Int) throws(FileError) -> [UInt8] {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 1)
        defer { chunk.deallocate() }
        while peeked.count - peekedStart < count {
            let read = try readFromFile(
                chunk.baseAddress!, count: min(chunk.count, count - (peeked.count - peekedStart)))
            guard read > 0 else { break }
            peeked += chunk[..<read]
        }
        return Array(peeked[peekedStart..<min(peeked.count, peekedStart + count)])
    }

    /// Every byte not yet read.
    ///
    /// - Parameter limit: The most bytes accepted; a longer file throws ``FileError/Cause/tooLarge(limit:)``.
    public func readAll(limit: Int = .max) throws(FileError) -> [UInt8] {
        var bytes = Array(peeked[peekedStart...])
        peeked = []
        peekedStart = 0
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            guard bytes.count <= limit else { throw FileError(path: name, cause: .tooLarge(limit: limit)) }
            let read = try readFromFile(chunk.baseAddress!, count: chunk.count)
            if read == 0 { return bytes }
            bytes += chunk[..<read]
        }
    }

    /// Bytes asked of `read(2)` at a time when reading a whole file or peeking.
    private static let chunkSize = 64 * 1024

    /// One `read(2)`, repeated when a signal interrupts it.
    private func readFromFile(_ base: UnsafeMutableRawPointer, count: Int) throws(FileError) -> Int {
        while true {
            let read = systemRead(descriptor, base, count)
            if read > 0 {
                bytesRead += read
                onRead?(bytesRead)
            }
            if read >= 0 { return read }
            let code = errno
            if code == EINTR { continue }
            throw FileError(path: name, cause: code == EISDIR ? .isAFolder : .system(code: code))
        }
    }

    /// Why a file of `kind` open at `descriptor` cannot be read as a stream of text; nil when it can.
    /// A terminal is read like a pipe (until end of input); other device files are refused, since
    /// `/dev/zero` or a disk would never end or would not be text.
    private static func refusal(of kind: FileKind, descriptor: Int32) -> FileError.Cause? {
        if kind == .folder { return .isAFolder }
        if kind == .characterDevice, isatty(descriptor) == 1 { return nil }
        return kind.unreadableKind.map { .notAFileOrPipe($0) }
    }
}

/// `read(2)`, out of the shadow of ``InputFile/read(into:)``.
private func systemRead(_ descriptor: Int32, _ base: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, base, count)
}
