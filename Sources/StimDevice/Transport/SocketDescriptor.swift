#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// What one read brought.
    enum ReadOutcome: Equatable {
        /// The bytes that arrived (at least one).
        case bytes([UInt8])
        /// The peer closed, the socket was shut down, or it failed.
        case ended
        /// Nothing arrived before the deadline.
        case timedOut
    }

    /// Ends both directions (`shutdown(2)`), waking a thread blocked reading, writing or accepting.
    func shutDown() {
        shutdown(rawValue, Int32(SHUT_RDWR))
    }

    /// Writes all of `bytes` (`send(2)` with `MSG_NOSIGNAL`, so a closed peer is an error, not a
    /// signal); false when the peer is gone or took none within the send timeout.
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

    /// Makes a `send` that the peer does not take within `timeout` fail (`SO_SNDTIMEO`), so a peer
    /// that stops reading cannot hold a writer forever.
    func setSendTimeout(_ timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        var value = timeval(tv_sec: Int(max(seconds, 0)), tv_usec: Int(attoseconds / 1_000_000_000_000))
        if value.tv_sec == 0, value.tv_usec == 0 { value.tv_usec = 1 }
        setsockopt(rawValue, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The next bytes from the peer (`poll(2)`, `read(2)`), waiting until `deadline` (nil: for ever).
    func nextBytes(before deadline: ContinuousClock.Instant?) -> ReadOutcome {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var wait: Int32 = -1
            if let deadline {
                let remaining = ContinuousClock.now.duration(to: deadline)
                guard remaining > .zero else { return .timedOut }
                wait = Self.pollMilliseconds(remaining)
            }
            var descriptor = pollfd(fd: rawValue, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, wait)
            if ready < 0, errno != EINTR { return .ended }
            // Timed out or interrupted: the deadline is checked again above.
            guard ready > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(rawValue, $0.baseAddress, $0.count) }
            if count > 0 { return .bytes(Array(buffer[0..<count])) }
            if count < 0, errno == EINTR { continue }
            return .ended
        }
    }

    /// `remaining` as a `poll` timeout: whole milliseconds rounded up, so a wait never ends early.
    private static func pollMilliseconds(_ remaining: Duration) -> Int32 {
        let (seconds, attoseconds) = remaining.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(milliseconds, 1))
    }
}
