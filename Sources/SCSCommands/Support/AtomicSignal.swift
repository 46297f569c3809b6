import Synchronization

/// The number of the last signal received, shared between the signal queue and the waiting thread.
final class AtomicSignal: Sendable {
    private let value = Atomic<Int32>(0)

    /// Keeps `signal` as the last one received.
    func store(_ signal: Int32) { value.store(signal, ordering: .sequentiallyConsistent) }

    /// The last signal received (0 before any).
    func load() -> Int32 { value.load(ordering: .sequentiallyConsistent) }
}
