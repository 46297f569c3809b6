import Foundation
import Synchronization

/// A transport to a stimulator served on a Unix-domain socket (`scs serve --socket PATH`, or a
/// ``StimulatorSocketServer`` in the same process): a byte stream, read by a thread of its own.
public final class UnixSocketTransport: Transport {
    private let socket: SocketDescriptor
    private let inbox = ByteInbox()
    private let isClosed = Mutex(false)

    /// Connects to the socket at `path`.
    ///
    /// - Throws: `SocketError` when there is no server at `path` or the connection fails.
    public init(path: String) throws(SocketError) {
        socket = try SocketDescriptor.connected(to: path)
        let socket = socket
        let inbox = inbox
        Thread.detachNewThread {
            socket.readUntilClosed { inbox.deliver($0) }
            inbox.fail(.disconnected)
        }
    }

    deinit {
        socket.shutDown()
    }

    public func send(_ bytes: [UInt8]) async throws(TransportError) {
        guard !isClosed.withLock({ $0 }) else { throw .closed }
        guard !inbox.hasFailed, socket.writeAll(bytes) else { throw .disconnected }
    }

    public func receive(timeout: Duration) async throws(TransportError) -> [UInt8] {
        try await inbox.receive(timeout: timeout)
    }

    public func close() async {
        isClosed.withLock { $0 = true }
        inbox.fail(.closed)
        socket.shutDown()
    }
}
