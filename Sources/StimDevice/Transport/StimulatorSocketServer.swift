import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Serves a simulated stimulator on a Unix-domain socket, one connection at a time, the way a device
/// serves one programmer: what `scs serve --socket PATH` runs.
///
/// A thread of its own accepts a connection, feeds what it reads to a `StimulatorConnection` and
/// writes the replies back; when the client goes away it accepts the next. Sessions live in the
/// device, not the connection, so a host that reconnects can go on in its session. The server runs
/// until ``stop()``.
public final class StimulatorSocketServer: Sendable {
    /// The socket's path.
    public let path: String
    private let listener: SocketDescriptor
    private let client = Mutex<SocketDescriptor?>(nil)
    private let isStopped = Mutex(false)

    /// Starts serving `device` at `path` (a stale socket file there is replaced).
    ///
    /// - Throws: `SocketError` when the socket cannot be created or bound.
    public init(
        device: SimulatedStimulator, path: String,
        logger: Logger = Logger(label: "scs.serve", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws(SocketError) {
        self.path = path
        listener = try SocketDescriptor.listening(at: path)
        let listener = listener
        Thread.detachNewThread { [self] in
            serve(device, listener: listener, logger: logger)
        }
    }

    deinit {
        stop()
    }

    /// Accepts and serves connections until stopped.
    private func serve(_ device: SimulatedStimulator, listener: SocketDescriptor, logger: Logger) {
        while let connection = listener.nextConnection() {
            let isStopping = isStopped.withLock { stopped in
                if !stopped { client.withLock { $0 = connection } }
                return stopped
            }
            if isStopping {
                connection.shutDown()
                return
            }
            logger.info("connection accepted on \(path)")
            let session = device.makeConnection()
            connection.readUntilClosed { bytes in
                let replies = session.receive(bytes)
                if !replies.isEmpty, !connection.writeAll(replies) { connection.shutDown() }
            }
            _ = connection.writeAll(session.finish())
            client.withLock { $0 = nil }
            logger.info("connection closed on \(path)")
        }
    }

    /// Stops serving: closes the connection being served, stops accepting and removes the socket
    /// file. Stopping twice does nothing more.
    public func stop() {
        let wasStopped = isStopped.withLock { stopped in
            defer { stopped = true }
            return stopped
        }
        guard !wasStopped else { return }
        client.withLock { $0?.shutDown() }
        listener.shutDown()
        unlink(path)
    }
}
