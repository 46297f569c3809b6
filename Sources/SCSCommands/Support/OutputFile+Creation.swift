import DeviceProfiles
import FileIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension OutputFile {
    /// Creates a new, empty temporary file with `permissions` (less the umask) in the folder of `target`
    /// (`.NAME.RANDOM.scs-tmp`), exclusively, so that it is on the same file system as the target and
    /// no other file is reused; it is registered with ``InterruptCleanup`` from before it exists.
    static func createTemporary(
        beside target: String, permissions: mode_t, location: String
    ) throws(InputError) -> (descriptor: Int32, path: String, registration: InterruptCleanup.Registration?) {
        let folder = FilePath.parent(of: target)
        let prefix = (folder == "/" ? "/" : folder + "/") + "." + FilePath.name(of: target) + "."
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let candidate = prefix + String(generator.next() & 0xFFFF_FFFF_FFFF, radix: 36) + ".scs-tmp"
            // Registered for deletion before it exists: a signal between its creation and a later
            // registration would leave it behind.
            let registration = InterruptCleanup.register(candidate)
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
            if descriptor >= 0 { return (descriptor, candidate, registration) }
            let code = errno
            if let registration { InterruptCleanup.unregister(registration) }
            if code != EEXIST, code != EINTR { throw folderFailure(code, folder: folder, location: location) }
        }
        throw InputError(location, "cannot write it: no free temporary name in \(folder)")
    }

    /// Opens an existing pipe, FIFO or device at `path` for writing, as it is.
    static func openStraight(_ path: String, location: String) throws(InputError) -> Int32 {
        while true {
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            if descriptor >= 0 { return descriptor }
            let code = errno
            if code != EINTR {
                throw InputError(location, "cannot write it: " + FileError(code: code, path: path, name: path).reason)
            }
        }
    }

    /// `path` with symbolic links resolved, so that a link keeps pointing at the file it names and that
    /// file gets the new bytes; `path` itself when it cannot be resolved.
    static func resolved(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Flushes the folder entry of a rename to disk; a file system that cannot is not an error.
    static func syncFolder(of path: String) {
        let folder = open(FilePath.parent(of: path), O_RDONLY | O_CLOEXEC)
        guard folder >= 0 else { return }
        fsync(folder)
        close(folder)
    }

    /// Why nothing could be created in `folder`, in words.
    private static func folderFailure(_ code: Int32, folder: String, location: String) -> InputError {
        let reason =
            switch code {
            case ENOENT: "the folder \(folder) does not exist"
            case EACCES, EPERM, EROFS: "the folder \(folder) is not writable"
            default: FileError(code: code, path: folder, name: folder).reason
            }
        return InputError(location, "cannot write it: \(reason)")
    }
}
