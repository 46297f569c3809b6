#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileError {
    /// The error `code` (an `errno` value) means for `path`, named `name` in messages.
    public init(code: Int32, path: String, name: String) {
        self.init(path: name, cause: Cause(code: code, path: path))
    }
}

extension FileError.Cause {
    /// The cause an `errno` value gives when `path` is opened or read.
    init(code: Int32, path: String) {
        switch code {
        case ENOENT: self = .noSuchFile
        case ENOTDIR: self = Self.firstFile(along: path).map { .parentNotAFolder($0) } ?? .noSuchFile
        case EISDIR: self = .isAFolder
        case EACCES, EPERM: self = .permissionDenied
        case ELOOP: self = .symbolicLinkLoop
        case ENXIO, EOPNOTSUPP:
            // open(2) says ENXIO for a socket and for a device with no driver.
            self = FileKind(path: path).flatMap(\.unreadableKind).map { .notAFileOrPipe($0) } ?? .system(code: code)
        default: self = .system(code: code)
        }
    }

    /// The C library's text for `code`, starting in lower case as it reads after a colon.
    static func system(code: Int32) -> Self {
        var message = String(cString: strerror(code))
        if let first = message.first, first.isUppercase, message.dropFirst().first?.isLowercase ?? true {
            message = first.lowercased() + message.dropFirst()
        }
        return .system(code: code, message: message)
    }

    /// The first leading part of `path` that exists and is not a folder, spelt as in `path`.
    private static func firstFile(along path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        for part in parts.dropLast() {
            prefix += prefix.isEmpty || prefix.hasSuffix("/") ? String(part) : "/" + part
            guard let kind = FileKind(path: prefix) else { return nil }
            if kind != .folder { return prefix }
        }
        return nil
    }
}
