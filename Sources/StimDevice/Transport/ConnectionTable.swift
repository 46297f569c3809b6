import Synchronization

/// The connections a ``StimulatorSocketServer`` is serving, with its listener, shared between the
/// threads that accept and serve them and the one that stops the server.
///
/// Holding a descriptor here is what lets ``stopAll()`` shut it down; each thread holds its own
/// reference too, so a descriptor is closed only once its thread has let go.
final class ConnectionTable: Sendable {
    /// Whether a new connection may be served.
    enum Admission: Equatable {
        /// Served, under this number.
        case admitted(UInt64)
        /// Refused: this many connections are served already, the most allowed.
        case full(Int)
        /// Refused: the server is stopping.
        case stopped
    }

    private struct State {
        var listener: SocketDescriptor?
        var open: [UInt64: SocketDescriptor] = [:]
        var lastNumber: UInt64 = 0
        var isStopped = false
    }

    private let state: Mutex<State>
    private let capacity: Int

    /// A table for `listener`'s connections, serving at most `capacity` at once.
    init(listener: SocketDescriptor, capacity: Int) {
        state = Mutex(State(listener: listener))
        self.capacity = max(capacity, 1)
    }

    /// The number of connections being served.
    var count: Int {
        state.withLock { $0.open.count }
    }

    /// The next connection to the listener, nil once the server is stopping.
    ///
    /// The listener is borrowed for the call only, so that once the table has let go of it, the
    /// accepting thread's return closes it.
    func nextConnection() -> SocketDescriptor? {
        state.withLock { $0.listener }?.nextConnection()
    }

    /// The socket of connection `number`, nil when the server stopped before its thread took it.
    func socket(_ number: UInt64) -> SocketDescriptor? {
        state.withLock { $0.open[number] }
    }

    /// The descriptor numbers of the listener and the connections the table holds, for tests that
    /// check they are closed after a stop.
    var descriptors: [Int32] {
        state.withLock { state in (state.listener.map { [$0] } ?? []) + state.open.values.map { $0 } }.map(\.rawValue)
    }

    /// Takes `socket` in when there is room and the server is not stopping.
    func admit(_ socket: SocketDescriptor) -> Admission {
        state.withLock { state in
            guard !state.isStopped else { return .stopped }
            guard state.open.count < capacity else { return .full(state.open.count) }
            state.lastNumber += 1
            state.open[state.lastNumber] = socket
            return .admitted(state.lastNumber)
        }
    }

    /// Forgets connection `number`, whose thread is done with it.
    func remove(_ number: UInt64) {
        _ = state.withLock { $0.open.removeValue(forKey: number) }
    }

    /// Marks the server stopped and shuts the listener and every connection down, waking the threads
    /// blocked on them; the table lets go of them. False when it was stopped already.
    func stopAll() -> Bool {
        let sockets = state.withLock { state -> [SocketDescriptor]? in
            guard !state.isStopped else { return nil }
            state.isStopped = true
            defer {
                state.listener = nil
                state.open = [:]
            }
            return Array(state.open.values) + (state.listener.map { [$0] } ?? [])
        }
        guard let sockets else { return false }
        sockets.forEach { $0.shutDown() }
        return true
    }
}
