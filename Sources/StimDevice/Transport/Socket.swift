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
    public var code: POSIXErrorCode?

    public init(operation: String, path: String, code: POSIXErrorCode?) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var description: String {
        let reason = code.map { String(cString: strerror($0.rawValue)) } ?? "path too long for a Unix socket"
        return "\(operation) \(path): \(reason)"
    }
}

/// A socket file descriptor, closed when the last owner lets go: the reader thread and the
/// transport or server each hold it, so the descriptor cannot be reused while a thread still reads it.
final class SocketDescriptor: Sendable {
    let rawValue: Int32

    init(_ rawValue: Int32) {
        self.rawValue = rawValue
    }

    deinit {
        close(rawValue)
    }

    /// Ends both directions (`shutdown(2)`), waking a thread blocked reading or accepting.
    func shutDown() {
        shutdown(rawValue, Int32(SHUT_RDWR))
    }

    /// Writes all of `bytes` (`send(2)` with `MSG_NOSIGNAL`, so a closed peer is an error, not a
    /// signal); false when the peer is gone.
    func writeAll(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                send(rawValue, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Reads until the peer closes or the socket is shut down, handing each read to `body`
    /// (`read(2)`); runs on the calling thread.
    func readUntilClosed(_ body: ([UInt8]) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(rawValue, $0.baseAddress, $0.count) }
            if count > 0 {
                body(Array(buffer[0..<count]))
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    /// A stream socket connected to `path` (`socket(2)`, `connect(2)`).
    static func connected(to path: String) throws(SocketError) -> SocketDescriptor {
        var address = try address(path, operation: "connect")
        let socket = try open(path)
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket.rawValue, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            throw SocketError(operation: "connect", path: path, code: POSIXErrorCode(rawValue: errno))
        }
        return socket
    }

    /// A stream socket listening at `path`, replacing a stale socket file there (`bind(2)`, `listen(2)`).
    static func listening(at path: String) throws(SocketError) -> SocketDescriptor {
        var address = try address(path, operation: "bind")
        let socket = try open(path)
        unlink(path)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket.rawValue, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else {
            throw SocketError(operation: "bind", path: path, code: POSIXErrorCode(rawValue: errno))
        }
        guard listen(socket.rawValue, 4) == 0 else {
            throw SocketError(operation: "listen", path: path, code: POSIXErrorCode(rawValue: errno))
        }
        return socket
    }

    /// The next connection to a listening socket (`accept(2)`), nil once the socket is shut down.
    func nextConnection() -> SocketDescriptor? {
        while true {
            let client = accept(rawValue, nil, nil)
            if client >= 0 { return SocketDescriptor(client) }
            if errno == EINTR || errno == ECONNABORTED { continue }
            return nil
        }
    }

    private static func open(_ path: String) throws(SocketError) -> SocketDescriptor {
        let raw = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard raw >= 0 else {
            throw SocketError(operation: "socket", path: path, code: POSIXErrorCode(rawValue: errno))
        }
        return SocketDescriptor(raw)
    }

    private static func address(_ path: String, operation: String) throws(SocketError) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !bytes.isEmpty, bytes.count < capacity else {
            throw SocketError(operation: operation, path: path, code: nil)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return address
    }
}
