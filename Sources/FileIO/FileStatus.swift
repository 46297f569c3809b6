#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `stat(2)` says about a file: which file it is (device and inode), its kind, its mode and its size.
public struct FileStatus: Hashable, Sendable {
    /// Which file this is: equal for two paths that name the same file (by hard or symbolic link, or
    /// spelt differently).
    public var identity: FileIdentity
    public var kind: FileKind
    /// The permission bits (`st_mode & 0o7777`).
    public var permissions: UInt32
    /// The length in bytes (`st_size`), meaningful for a regular file.
    public var size: Int64

    init(_ status: stat) {
        identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        kind = FileKind(mode: status.st_mode)
        permissions = UInt32(status.st_mode & 0o7777)
        size = Int64(status.st_size)
    }

    /// The status of what `path` names, following symbolic links (`stat(2)`); nil when there is
    /// nothing there or it cannot be reached.
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    /// The status of the open file `descriptor` (`fstat(2)`); nil when it fails.
    public init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        self.init(status)
    }
}
