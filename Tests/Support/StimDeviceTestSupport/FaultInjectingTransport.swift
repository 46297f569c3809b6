import RecordingFormat
import StimDevice
import Synchronization

/// Wraps any transport and damages what passes through it, per direction and with seeded
/// probabilities: drop, corrupt (flip bits), duplicate, delay, disconnect.
///
/// The tests run the programming session through it to show that retries are safe and that a
/// program write is applied entirely or not at all whatever the link does. What goes to the device
/// is damaged as it is sent; what comes back is damaged by a task that receives from the wrapped
/// transport and passes the result on.
public final class FaultInjectingTransport: Transport {
    private struct State {
        var random: SeededRandom
        var counts = FaultCounts()
        var isDisconnected = false
        var isClosed = false
    }

    /// The fault plan in force.
    public let plan: FaultPlan
    private let inner: any Transport
    private let inbox = ByteInbox()
    private let state: Mutex<State>
    private let pump = Mutex<Task<Void, Never>?>(nil)

    /// Wraps `inner`, injecting the faults of `plan`.
    public init(wrapping inner: any Transport, plan: FaultPlan) {
        self.inner = inner
        self.plan = plan
        state = Mutex(State(random: SeededRandom(seed: plan.seed)))
    }

    deinit {
        pump.withLock { $0?.cancel() }
    }

    /// The faults injected so far.
    public var injected: FaultCounts { state.withLock { $0.counts } }

    public func send(_ bytes: [UInt8]) async throws(TransportError) {
        startPump()
        let (fault, damaged, pause) = try decide(bytes, rates: plan.outbound, outbound: true)
        switch fault {
        case .disconnect:
            await goDown()
            throw .disconnected
        case .drop:
            return
        case .corrupt:
            try await inner.send(damaged)
        case .duplicate:
            try await inner.send(bytes)
            try await inner.send(bytes)
        case .delay:
            let inner = inner
            Task.detached {
                try? await Task.sleep(for: pause)
                try? await inner.send(bytes)
            }
        case nil:
            try await inner.send(bytes)
        }
    }

    public func receive(timeout: Duration) async throws(TransportError) -> [UInt8] {
        startPump()
        return try await inbox.receive(timeout: timeout)
    }

    public func close() async {
        let wasClosed = state.withLock { state in
            defer { state.isClosed = true }
            return state.isClosed
        }
        guard !wasClosed else { return }
        inbox.fail(.closed)
        pump.withLock { $0?.cancel() }
        await inner.close()
    }

    /// Starts the task that carries (and damages) what the device sends, once.
    private func startPump() {
        pump.withLock { task in
            guard task == nil else { return }
            task = Task.detached { [weak self, inner, inbox] in
                while !Task.isCancelled {
                    let bytes: [UInt8]
                    do throws(TransportError) {
                        bytes = try await inner.receive(timeout: .seconds(3_600))
                    } catch {
                        if error == .timeout { continue }
                        inbox.fail(error)
                        return
                    }
                    guard let self else { return }
                    await self.passInbound(bytes)
                }
            }
        }
    }

    private func passInbound(_ bytes: [UInt8]) async {
        guard let (fault, damaged, pause) = try? decide(bytes, rates: plan.inbound, outbound: false) else { return }
        switch fault {
        case .disconnect: await goDown()
        case .drop: break
        case .corrupt: inbox.deliver(damaged)
        case .duplicate:
            inbox.deliver(bytes)
            inbox.deliver(bytes)
        case .delay:
            let inbox = inbox
            Task.detached {
                try? await Task.sleep(for: pause)
                inbox.deliver(bytes)
            }
        case nil: inbox.deliver(bytes)
        }
    }

    /// Draws the fault for one message: its kind (nil for none), the damaged bytes for a corruption,
    /// and the pause for a delay. Throws once the link is down or closed.
    private func decide(
        _ bytes: [UInt8], rates: FaultRates, outbound: Bool
    ) throws(TransportError) -> (FaultKind?, [UInt8], Duration) {
        let outcome = state.withLock { state -> Result<(FaultKind?, [UInt8], Duration), TransportError> in
            if state.isClosed { return .failure(.closed) }
            if state.isDisconnected { return .failure(.disconnected) }
            let draw = Double.random(in: 0..<1, using: &state.random)
            let kind = Self.kind(for: draw, rates: rates)
            var damaged = bytes
            var pause = Duration.zero
            switch kind {
            case .corrupt:
                for _ in 0..<Int.random(in: 1...3, using: &state.random) where !damaged.isEmpty {
                    let index = Int.random(in: 0..<damaged.count, using: &state.random)
                    damaged[index] ^= 1 << UInt8.random(in: 0..<8, using: &state.random)
                }
            case .delay:
                let low = rates.delayRange.lowerBound.nanoseconds
                let high = max(low, rates.delayRange.upperBound.nanoseconds)
                pause = .nanoseconds(Int64.random(in: low...high, using: &state.random))
            case .disconnect:
                state.isDisconnected = true
            default:
                break
            }
            if let kind {
                if outbound {
                    state.counts.outbound[kind, default: 0] += 1
                } else {
                    state.counts.inbound[kind, default: 0] += 1
                }
            } else {
                state.counts.clean += 1
            }
            return .success((kind, damaged, pause))
        }
        return try outcome.get()
    }

    private static func kind(for draw: Double, rates: FaultRates) -> FaultKind? {
        var threshold = 0.0
        for (kind, probability) in [
            (FaultKind.disconnect, rates.disconnect), (.drop, rates.drop), (.corrupt, rates.corrupt),
            (.duplicate, rates.duplicate), (.delay, rates.delay),
        ] {
            threshold += max(0, probability)
            if draw < threshold { return kind }
        }
        return nil
    }

    /// The link goes down: both directions fail from now on.
    private func goDown() async {
        state.withLock { $0.isDisconnected = true }
        inbox.fail(.disconnected)
        pump.withLock { $0?.cancel() }
        await inner.close()
    }
}
