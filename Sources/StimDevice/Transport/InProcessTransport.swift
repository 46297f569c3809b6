import Synchronization

/// A transport to a simulator in the same process: each send is handed to the device as one message
/// (like a USB bulk transfer), and its replies are waiting to be received when the send returns.
public final class InProcessTransport: Transport {
    private let device: SimulatedStimulator
    private let inbox = ByteInbox()
    private let isClosed = Mutex(false)

    /// A transport talking to `device`.
    public init(device: SimulatedStimulator) {
        self.device = device
    }

    public func send(_ bytes: [UInt8]) async throws(TransportError) {
        guard !isClosed.withLock({ $0 }) else { throw .closed }
        let replies = device.handle(frameBytes: bytes)
        inbox.deliver(replies)
    }

    public func receive(timeout: Duration) async throws(TransportError) -> [UInt8] {
        try await inbox.receive(timeout: timeout)
    }

    public func close() async {
        isClosed.withLock { $0 = true }
        inbox.fail(.closed)
    }
}
