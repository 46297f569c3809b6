import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension DeviceKeyStore {
    /// Reads the key file at `path`.
    public init(contentsOfFile path: String) throws(KeyStoreError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw KeyStoreError(line: nil, reason: .unreadable("cannot read \(path): \(error.localizedDescription)"))
        }
        try self.init(fileContents: text)
    }

    /// Writes the key file to `path`, readable and writable by its owner only (mode 0600).
    ///
    /// The file is written beside its destination and renamed into place, so a reader never sees
    /// half a file.
    public func write(toFile path: String) throws(KeyStoreError) {
        let manager = FileManager.default
        let temporary = path + ".tmp"
        guard
            manager.createFile(
                atPath: temporary, contents: Data(fileContents.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw KeyStoreError(line: nil, reason: .unreadable("cannot write \(temporary)"))
        }
        // rename(2) replaces an existing file atomically and keeps the new file's mode.
        guard rename(temporary, path) == 0 else {
            let code = errno
            try? manager.removeItem(atPath: temporary)
            throw KeyStoreError(
                line: nil, reason: .unreadable("cannot write \(path): \(String(cString: strerror(code)))"))
        }
    }
}
