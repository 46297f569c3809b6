import DeviceProfiles
import FileIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file a command writes (`--html`, `--out`, `--junit`, `session log FILE`, the tour's files):
/// never one of the command's inputs, and never seen half-written.
///
/// Opening checks the path against the inputs (``CommandInputs``) and creates a temporary file
/// beside it, exclusively and under a fresh name; ``commit()`` flushes it to disk and renames it
/// over the target, so the target holds either its old bytes or all of the new ones. Anything else
/// (an error thrown on the way, the object released without a commit, SIGINT, SIGTERM or SIGHUP)
/// removes the temporary file and leaves the target untouched. A path that names a pipe or a
/// device (`/dev/null`, `/dev/stdout`, a FIFO) is written straight through instead, and `-` is
/// standard output (the command then keeps its own text off standard output).
///
/// Open the output before the long work (reading, simulating), so that an output that cannot be
/// written fails first and an interrupted run leaves nothing behind; write to it as the work goes.
///
/// `@unchecked Sendable`: one writer at a time, since a command hands it to the one task that
/// produces the output and waits for that task before it commits.
final class OutputFile: @unchecked Sendable {
    /// How messages name the output: the flag and the path (`--html report.html`).
    let location: String
    private var descriptor: Int32
    /// The file written and renamed over the target; nil when writing straight through.
    private let temporaryPath: String?
    /// The file the temporary file replaces: the path, or the file a symbolic link there names.
    private let targetPath: String
    private var registration: InterruptCleanup.Registration?
    private var buffer: [UInt8] = []
    private var isFinished = false

    /// Bytes gathered before they are written.
    private static let bufferSize = 64 * 1024

    /// The path that names standard output.
    static let standardOutput = "-"

    /// Whether `path` names standard output, so that the command's own text must go elsewhere.
    static func isStandardOutput(_ path: String?) -> Bool { path == standardOutput }

    /// Opens `path` for writing, named `location` in messages.
    ///
    /// - Parameters:
    ///   - inputs: What the command reads: `path` may be none of them and lie inside none of their
    ///     folders.
    ///   - permissions: The mode of a new file, before the umask; an existing file keeps its own.
    /// - Throws: ``InputError`` (exit 2) for an output that is an input or lies in an input folder,
    ///   a folder, or a place that cannot be written.
    init(_ path: String, location: String, inputs: CommandInputs, permissions: mode_t = 0o666) throws(InputError) {
        self.location = location
        if Self.isStandardOutput(path) {
            targetPath = path
            temporaryPath = nil
            descriptor = dup(STDOUT_FILENO)
            guard descriptor >= 0 else { throw InputError(location, "cannot write standard output") }
            return
        }
        try inputs.check(output: path, location: location)
        let existing = FileStatus(path: path)
        if let existing, existing.kind != .regular {
            guard existing.kind != .folder else { throw InputError(location, "is a folder; give a file name") }
            targetPath = path
            temporaryPath = nil
            descriptor = try Self.openStraight(path, location: location)
            return
        }
        targetPath = existing == nil ? path : Self.resolved(path)
        let temporary = try Self.createTemporary(beside: targetPath, permissions: permissions, location: location)
        descriptor = temporary.descriptor
        temporaryPath = temporary.path
        registration = temporary.registration
        if let existing { fchmod(descriptor, mode_t(existing.permissions)) }
    }

    deinit {
        discard()
    }

    /// Writes `text` as UTF-8.
    func write(_ text: String) throws(InputError) {
        try write(Array(text.utf8))
    }

    /// Writes `bytes` (gathered, and written in chunks).
    func write(_ bytes: [UInt8]) throws(InputError) {
        buffer += bytes
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes what is gathered, flushes it to disk and renames the temporary file over the target.
    func commit() throws(InputError) {
        defer { discard() }
        try flush()
        guard let temporaryPath else { return }
        if fsync(descriptor) != 0 { throw failure(errno) }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, targetPath) == 0 else { throw failure(errno) }
        isFinished = true
        Self.syncFolder(of: targetPath)
    }

    /// Writes `bytes` to `path` in one go: open, write, commit.
    static func write(
        _ bytes: [UInt8], to path: String, location: String, inputs: CommandInputs, permissions: mode_t = 0o666
    ) throws(InputError) {
        let output = try OutputFile(path, location: location, inputs: inputs, permissions: permissions)
        try output.write(bytes)
        try output.commit()
    }

    /// Writes `text` to `path` in one go, as UTF-8.
    static func write(
        _ text: String, to path: String, location: String, inputs: CommandInputs, permissions: mode_t = 0o666
    ) throws(InputError) {
        try write(Array(text.utf8), to: path, location: location, inputs: inputs, permissions: permissions)
    }

    private func flush() throws(InputError) {
        var written = 0
        while written < buffer.count {
            let count = buffer.withUnsafeBytes { bytes in
                systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            written += count
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Closes the file and, unless it was renamed into place, removes the temporary file; the target
    /// keeps its old bytes. Releasing the output without a commit does the same, but a command whose
    /// output a task has held calls this on its error path rather than wait for that release.
    func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        if let temporaryPath, !isFinished { unlink(temporaryPath) }
        isFinished = true
        if let registration { InterruptCleanup.unregister(registration) }
        registration = nil
    }

    private func failure(_ code: Int32) -> InputError {
        InputError(location, "cannot write it: " + FileError(code: code, path: targetPath, name: targetPath).reason)
    }
}

/// `write(2)`, out of the shadow of ``OutputFile/write(_:)``.
private func systemWrite(_ descriptor: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, base, count)
}
