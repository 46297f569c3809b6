#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file's device and inode numbers: the same file whatever path reaches it.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
}

extension FileIdentity {
    /// The folder that holds `path` and every folder above it up to `/`, with symbolic links
    /// resolved (`realpath(3)`): what a file written at `path` would lie inside. Empty when the
    /// holding folder does not exist.
    public static func folders(holding path: String) -> [FileIdentity] {
        guard let resolved = realpath(FilePath.parent(of: path), nil) else { return [] }
        defer { free(resolved) }
        var folder = String(cString: resolved)
        var identities: [FileIdentity] = []
        while true {
            if let status = FileStatus(path: folder) { identities.append(status.identity) }
            guard folder != "/" else { return identities }
            folder = FilePath.parent(of: folder)
        }
    }
}
