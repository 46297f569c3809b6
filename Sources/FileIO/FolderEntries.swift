#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The names in a folder, listed with `opendir(3)` and `readdir(3)`.
public enum FolderEntries {
    /// The names of the entries of the folder at `path` (not `.` and `..`), in no particular order.
    ///
    /// - Throws: ``FileError`` naming `path`: no such folder, not a folder, permission denied, …
    public static func names(in path: String) throws(FileError) -> [String] {
        guard let folder = opendir(path) else {
            let code = errno
            if code == ENOTDIR, let kind = FileKind(path: path), kind != .folder {
                throw FileError(path: path, cause: .notAFolder)
            }
            throw FileError(code: code, path: path, name: path)
        }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }
}
