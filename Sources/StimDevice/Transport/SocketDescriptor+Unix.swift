#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SocketDescriptor {
    /// A stream socket connected to `path` (`socket(2)`, `connect(2)`).
    static func connected(to path: String) throws(SocketError) -> SocketDescriptor {
        let address = try address(path, operation: "connect")
        let socket = try open(path)
        guard call(connect, socket, address) == 0 else {
            throw SocketError(operation: "connect", path: path, code: POSIXErrorCode(rawValue: errno))
        }
        return socket
    }

    /// A stream socket listening at `path` with room for `backlog` connections not yet accepted
    /// (`bind(2)`, `listen(2)`).
    ///
    /// A socket file there that no server answers (one left by a server that died) is replaced. A
    /// live server there, or a file that is not a socket, is left alone and refused (see
    /// ``SocketError/code``).
    static func listening(at path: String, backlog: Int32) throws(SocketError) -> SocketDescriptor {
        let address = try address(path, operation: "bind")
        let socket = try open(path)
        if call(bind, socket, address) != 0 {
            guard errno == EADDRINUSE else {
                throw SocketError(operation: "bind", path: path, code: POSIXErrorCode(rawValue: errno))
            }
            try removeStaleSocket(at: path, address: address)
            guard call(bind, socket, address) == 0 else {
                throw SocketError(operation: "bind", path: path, code: POSIXErrorCode(rawValue: errno))
            }
        }
        guard listen(socket.rawValue, backlog) == 0 else {
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

    /// Removes the socket file at `path` when no server answers there.
    ///
    /// A non-blocking `connect(2)` tells them apart: it succeeds, or finds the server's backlog full
    /// (`EAGAIN`), when a server listens; nobody does when it is refused. The probe is closed at once,
    /// so a live server sees a connection that ends straight away.
    private static func removeStaleSocket(at path: String, address: sockaddr_un) throws(SocketError) {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFSOCK else {
            throw SocketError(operation: "bind", path: path, code: .EEXIST)
        }
        let probe = try open(path)
        _ = fcntl(probe.rawValue, F_SETFL, fcntl(probe.rawValue, F_GETFL) | O_NONBLOCK)
        if call(connect, probe, address) == 0 || errno == EAGAIN || errno == EINPROGRESS {
            throw SocketError(operation: "bind", path: path, code: .EADDRINUSE)
        }
        unlink(path)
    }

    /// Calls `function` (`bind` or `connect`) on `socket` with `address`.
    private static func call(
        _ function: (Int32, UnsafePointer<sockaddr>?, socklen_t) -> Int32, _ socket: SocketDescriptor,
        _ address: sockaddr_un
    ) -> Int32 {
        withUnsafePointer(to: address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                function(socket.rawValue, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
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
