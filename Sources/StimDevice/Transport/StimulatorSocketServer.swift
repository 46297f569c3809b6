import Dispatch
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Serves a simulated stimulator on a Unix-domain socket to many clients at once: what
/// `scs serve --socket PATH` runs.
///
/// A thread accepts connections, and each connection is served on a thread of its own with its own
/// frame decoder, in front of the one device (`SimulatedStimulator` makes each request atomic under
/// its lock), so a silent client, or one stuck in half a frame, never delays another; it is closed
/// after the read timeout (see ``Configuration``). Sessions live in the device, not the connection,
/// so a host that reconnects can go on in its session. The server runs until ``stop()``.
public final class StimulatorSocketServer: Sendable {
    /// How a server treats its clients.
    public struct Configuration: Sendable {
        /// How long a connection may go without completing a frame the device answers (or without
        /// taking its replies) before it is closed.
        public var readTimeout: Duration
        /// The most connections served at once; a connection beyond them is closed at once, with a
        /// log line.
        public var maximumConnections: Int
        /// Whether every frame in and out is logged, at `info` (see `FrameTrace`).
        public var tracesFrames: Bool

        public init(readTimeout: Duration = .seconds(10), maximumConnections: Int = 64, tracesFrames: Bool = false) {
            self.readTimeout = readTimeout
            self.maximumConnections = maximumConnections
            self.tracesFrames = tracesFrames
        }
    }

    /// The socket's path.
    public let path: String
    private let connections: ConnectionTable
    /// The accepting thread and every connection's thread, which ``stop()`` waits for.
    private let threads = DispatchGroup()

    /// Starts serving `device` at `path`, configured by `configuration`, logging to `logger`.
    ///
    /// - Throws: `SocketError` when the socket cannot be created or bound, when a live server holds
    ///   `path` already (`isHeldByLiveServer`), or when `path` holds a file that is not a socket; a
    ///   socket file that no server answers is replaced.
    public init(
        device: SimulatedStimulator, path: String, configuration: Configuration = Configuration(),
        logger: Logger = Logger(label: "scs.serve", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws(SocketError) {
        self.path = path
        let backlog = Int32(clamping: max(configuration.maximumConnections, 1))
        let connections = ConnectionTable(
            listener: try SocketDescriptor.listening(at: path, backlog: backlog),
            capacity: configuration.maximumConnections)
        self.connections = connections
        logger.info("listening on \(path)")
        threads.enter()
        Thread.detachNewThread { [threads] in
            defer { threads.leave() }
            Self.accept(
                on: connections, device: device, configuration: configuration, threads: threads, logger: logger)
        }
    }

    /// Accepts connections until the server stops, serving each on a thread of its own.
    ///
    /// Sockets are held only by the table and by locals of the functions a thread runs, never by the
    /// thread's closure: each is closed before its thread leaves `threads`, so ``stop()`` returns
    /// with every descriptor closed.
    private static func accept(
        on connections: ConnectionTable, device: SimulatedStimulator, configuration: Configuration,
        threads: DispatchGroup, logger: Logger
    ) {
        while let socket = connections.nextConnection() {
            switch connections.admit(socket) {
            case .admitted(let number):
                logger.info("connection \(number) accepted")
                threads.enter()
                Thread.detachNewThread {
                    defer { threads.leave() }
                    serve(number, on: connections, device: device, configuration: configuration, logger: logger)
                }
            case .full(let count):
                logger.warning(
                    "connection refused: \(count) connections open, the most this server takes")
                socket.shutDown()
            case .stopped:
                socket.shutDown()
                return
            }
        }
    }

    private static func serve(
        _ number: UInt64, on connections: ConnectionTable, device: SimulatedStimulator, configuration: Configuration,
        logger: Logger
    ) {
        guard let socket = connections.socket(number) else { return }
        ServedConnection(
            number: number, socket: socket, device: device, configuration: configuration, logger: logger
        ).run()
        connections.remove(number)
    }

    deinit {
        stop()
    }

    /// The number of connections being served now.
    public var connectionCount: Int {
        connections.count
    }

    /// The descriptor numbers of the listener and every connection now, for tests.
    var descriptors: [Int32] {
        connections.descriptors
    }

    /// Stops serving: closes every connection and the listener, removes the socket file, and returns
    /// once every thread of the server has ended and its descriptors are closed. Stopping twice does
    /// nothing more.
    public func stop() {
        guard connections.stopAll() else { return }
        unlink(path)
        threads.wait()
    }
}
