import Synchronization

/// Bytes that have arrived and not yet been received, with the tasks waiting for them: the receiving
/// half every transport here shares.
///
/// Producers call `deliver` (from any thread: a socket reader, a delayed-delivery task, a send);
/// `receive` hands out everything buffered, or waits for the next delivery until its timeout. After
/// `fail`, buffered bytes are still handed out, then every receive throws the failure.
package final class ByteInbox: Sendable {
    private typealias Waiter = CheckedContinuation<Result<[UInt8], TransportError>, Never>

    private struct State {
        var buffer: [UInt8] = []
        var failure: TransportError?
        var waiters: [(id: UInt64, continuation: Waiter, timer: Task<Void, Never>?)] = []
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    /// An empty inbox with no receiver waiting.
    package init() {}

    /// Adds `bytes`, waking the longest-waiting receiver.
    package func deliver(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        let woken = state.withLock { state -> (Waiter, Task<Void, Never>?, [UInt8])? in
            guard state.failure == nil else { return nil }
            state.buffer.append(contentsOf: bytes)
            guard !state.waiters.isEmpty else { return nil }
            let waiter = state.waiters.removeFirst()
            defer { state.buffer = [] }
            return (waiter.continuation, waiter.timer, state.buffer)
        }
        guard let (continuation, timer, taken) = woken else { return }
        timer?.cancel()
        continuation.resume(returning: .success(taken))
    }

    /// Ends the inbox: waiting receivers (and, once the buffer is drained, later ones) get `error`.
    /// The first failure stays.
    package func fail(_ error: TransportError) {
        let woken = state.withLock { state -> [(Waiter, Task<Void, Never>?)] in
            if state.failure == nil { state.failure = error }
            let woken = state.waiters.map { ($0.continuation, $0.timer) }
            state.waiters = []
            return woken
        }
        for (continuation, timer) in woken {
            timer?.cancel()
            continuation.resume(returning: .failure(error))
        }
    }

    /// Whether the inbox has failed.
    var hasFailed: Bool { state.withLock { $0.failure != nil } }

    /// Everything buffered, or the next delivery within `timeout`.
    package func receive(timeout: Duration) async throws(TransportError) -> [UInt8] {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: Waiter) in
                let ready = state.withLock { state -> Result<[UInt8], TransportError>? in
                    if !state.buffer.isEmpty {
                        defer { state.buffer = [] }
                        return .success(state.buffer)
                    }
                    if let failure = state.failure { return .failure(failure) }
                    let timer = Task { [weak self] in
                        try? await Task.sleep(for: timeout)
                        guard !Task.isCancelled else { return }
                        self?.expire(id, with: .timeout)
                    }
                    state.waiters.append((id, continuation, timer))
                    return nil
                }
                if let ready {
                    continuation.resume(returning: ready)
                } else if Task.isCancelled {
                    // Cancelled before the waiter was registered: the handler found nothing to wake.
                    expire(id, with: .cancelled)
                }
            }
        } onCancel: {
            self.expire(id, with: .cancelled)
        }
        return try result.get()
    }

    /// Resumes waiter `id`, if still waiting, with `error`.
    private func expire(_ id: UInt64, with error: TransportError) {
        let woken = state.withLock { state -> (Waiter, Task<Void, Never>?)? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            let waiter = state.waiters.remove(at: index)
            return (waiter.continuation, waiter.timer)
        }
        guard let (continuation, timer) = woken else { return }
        if error != .timeout { timer?.cancel() }
        continuation.resume(returning: .failure(error))
    }
}
