import Foundation
import Synchronization

/// A transport to a stimulator served on a Unix-domain socket (`scs serve --socket PATH`, or a
/// ``StimulatorSocketServer`` in the same process): a byte stream, read by a thread of its own.
///
/// A server closes a connection that stays quiet past its read timeout. Sessions live in the device,
/// not the connection, so the next send after the server has closed the connection opens a new one
/// and the session goes on; only when no server answers any more does it throw `.disconnected`.
public final class UnixSocketTransport: Transport {
    /// The socket's path.
    public let path: String
    private let connection: Mutex<Connection>
    private let isClosed = Mutex(false)

    /// One connection: its socket and the bytes its reader thread delivers.
    private struct Connection: Sendable {
        let socket: SocketDescriptor
        let inbox: ByteInbox

        init(path: String) throws(SocketError) {
            socket = try SocketDescriptor.connected(to: path)
            inbox = ByteInbox()
            let socket = socket
            let inbox = inbox
            Thread.detachNewThread {
                // Until the peer closes or the socket is shut down.
                while case .bytes(let bytes) = socket.nextBytes(before: nil) {
                    inbox.deliver(bytes)
                }
                inbox.fail(.disconnected)
            }
        }
    }

    /// Connects to the socket at `path`.
    ///
    /// - Throws: `SocketError` when there is no server at `path` or the connection fails.
    public init(path: String) throws(SocketError) {
        self.path = path
        connection = Mutex(try Connection(path: path))
    }

    deinit {
        connection.withLock { $0.socket.shutDown() }
    }

    public func send(_ bytes: [UInt8]) async throws(TransportError) {
        guard !isClosed.withLock({ $0 }) else { throw .closed }
        let current = try connection.withLock { current throws(TransportError) -> Connection in
            guard current.inbox.hasFailed else { return current }
            do {
                current = try Connection(path: path)
            } catch {
                throw .disconnected
            }
            return current
        }
        guard current.socket.writeAll(bytes) else { throw .disconnected }
    }

    public func receive(timeout: Duration) async throws(TransportError) -> [UInt8] {
        try await connection.withLock { $0.inbox }.receive(timeout: timeout)
    }

    public func close() async {
        isClosed.withLock { $0 = true }
        let current = connection.withLock { $0 }
        current.inbox.fail(.closed)
        current.socket.shutDown()
    }
}
