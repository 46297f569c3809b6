import StimDevice
import Synchronization

/// A `Transport` over a stimulator's USB interface: each `send` is one bulk OUT transfer, each
/// `receive` returns what one or more bulk IN transfers brought (`docs/protocol.md` §5).
///
/// Both directions are byte streams to the layers above: the `StimProtocol` frame decoder finds the
/// frames, so a frame split across transfers, or several in one, is fine. An unplugged device makes
/// every call throw `TransportError.disconnected`.
public final class USBTransport: Transport {
    /// How long a send waits for the device to take the bytes before it throws `TransportError.timeout`.
    private static let sendTimeout: Duration = .seconds(2)

    private let handle: USBDeviceHandle
    private let isClosed = Mutex(false)

    /// Opens the stimulator that `device` describes and claims its interface.
    ///
    /// - Throws: `USBError.noDevice` when it is gone, `.access` when the device node's permissions
    ///   do not allow opening it, `.busy` when another program has claimed the interface.
    public init(opening device: USBDeviceInfo, in context: USBContext) throws(USBError) {
        handle = try context.open(device, interface: StimulatorInterface.number)
    }

    /// The device at the other end.
    public var device: USBDeviceInfo {
        handle.info
    }

    public func send(_ bytes: [UInt8]) async throws(TransportError) {
        guard !isClosed.withLock({ $0 }) else { throw .closed }
        do {
            try await handle.write(bytes, to: StimulatorInterface.bulkOut, timeout: Self.sendTimeout)
        } catch {
            throw transportError(error)
        }
    }

    public func receive(timeout: Duration) async throws(TransportError) -> [UInt8] {
        let deadline = ContinuousClock.now + timeout
        while true {
            guard !isClosed.withLock({ $0 }) else { throw .closed }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw .timeout }
            do {
                let bytes = try await handle.read(
                    from: StimulatorInterface.bulkIn, maxLength: StimulatorInterface.readLength, timeout: remaining)
                // A zero-length packet only ends a transfer; keep waiting for bytes.
                if !bytes.isEmpty { return bytes }
            } catch {
                throw transportError(error)
            }
        }
    }

    /// Closes the transport and cancels the transfers in flight; the interface is released and the
    /// device closed once the last of them has ended and the last reference has gone.
    public func close() async {
        isClosed.withLock { $0 = true }
        handle.cancelTransfers()
    }

    private func transportError(_ error: USBError) -> TransportError {
        switch error {
        case .timeout: .timeout
        case .interrupted: isClosed.withLock { $0 } ? .closed : .cancelled
        default: .disconnected
        }
    }
}
