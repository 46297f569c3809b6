#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a Unix-domain socket could not be set up: the call that failed, the socket's path, and the
/// `errno` it set.
public struct SocketError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The C function that failed (`socket`, `connect`, `bind`, `listen`).
    public var operation: String
    /// The socket's path.
    public var path: String
    /// The error number, nil when the failure was ours (a path too long for `sockaddr_un`).
    ///
    /// Two codes from `bind` carry our own finding rather than the kernel's: `EADDRINUSE` means a
    /// live server answered a connection at the path, `EEXIST` that the path holds a file that is
    /// not a socket; neither is replaced.
    public var code: POSIXErrorCode?

    /// Whether a live server holds the path (see ``code``).
    public var isHeldByLiveServer: Bool {
        operation == "bind" && code == .EADDRINUSE
    }

    public var description: String {
        switch (operation, code) {
        case (_, nil): "\(operation) \(path): path too long for a Unix socket"
        case ("bind", .EADDRINUSE?): "\(path): a server is already listening there"
        case ("bind", .EEXIST?): "\(path): a file that is not a socket is there; it is not replaced"
        case (_, let code?): "\(operation) \(path): " + String(cString: strerror(code.rawValue))
        }
    }
}
