import StimDevice
import Synchronization

/// A session's view of a transport that several sessions share, one at a time (a ``TargetLink``):
/// closing the view ends this session's use of it and leaves the transport open for the others; the
/// link closes the transport itself.
final class BorrowedTransport: Transport {
    private let base: any Transport
    private let isClosed = Mutex(false)

    init(_ base: any Transport) {
        self.base = base
    }

    func send(_ bytes: [UInt8]) async throws(TransportError) {
        guard !isClosed.withLock({ $0 }) else { throw .closed }
        try await base.send(bytes)
    }

    func receive(timeout: Duration) async throws(TransportError) -> [UInt8] {
        guard !isClosed.withLock({ $0 }) else { throw .closed }
        return try await base.receive(timeout: timeout)
    }

    func close() async {
        isClosed.withLock { $0 = true }
    }
}
