#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a path names, from the type bits of `stat(2)`'s `st_mode`.
public enum FileKind: Hashable, Sendable {
    case regular
    case folder
    /// A named pipe, or an anonymous one such as `<(…)` or a shell pipe on standard input.
    case fifo
    case characterDevice
    case blockDevice
    case socket
    /// Anything else (what `stat(2)` reports never includes a symbolic link: it follows them).
    case other

    /// The kind the type bits of `mode` give.
    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// The kind of what `path` names, following symbolic links; nil when `stat(2)` fails.
    public init?(path: String) {
        guard let status = FileStatus(path: path) else { return nil }
        self = status.kind
    }

    /// The kind in words, for a kind that cannot be read as a stream of bytes; nil for one that can.
    var unreadableKind: String? {
        switch self {
        case .regular, .fifo, .folder: nil
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .socket: "a socket"
        case .other: "a special file"
        }
    }
}
