/// A byte pipe between a host and a stimulator: bytes go in one end and come out of the other.
///
/// Framing, sessions and retries sit above it (`Programmer`); a transport knows nothing of frames.
/// Implementations: ``InProcessTransport`` (the simulator in the same process), ``UnixSocketTransport``
/// (a simulator process), the USB transport of `StimUSB`, and in tests `FaultInjectingTransport` (any
/// transport with seeded faults, from `StimDeviceTestSupport`).
///
/// A message transport (in-process, USB) delivers each `send` to the device as one unit, which should
/// hold whole frames; a stream transport (a socket) may split and join them, and the device decodes
/// the stream. One task at a time may call `receive`.
public protocol Transport: Sendable {
    /// Sends all of `bytes`.
    ///
    /// - Throws: `TransportError.closed` after `close()`, `.disconnected` when the other end is gone.
    func send(_ bytes: [UInt8]) async throws(TransportError)

    /// The next bytes from the other end, at least one byte, waiting at most `timeout`.
    ///
    /// - Throws: `TransportError.timeout` when nothing arrived in time, `.closed` after `close()`,
    ///   `.disconnected` when the other end is gone, `.cancelled` when the calling task was cancelled.
    func receive(timeout: Duration) async throws(TransportError) -> [UInt8]

    /// Closes the pipe; calls afterwards throw `.closed`. Closing twice does nothing more.
    func close() async
}

/// Why a transport could not move bytes.
public enum TransportError: Error, Hashable, Sendable {
    /// Nothing arrived within the timeout; the pipe may still work.
    case timeout
    /// The other end went away (unplugged, process ended, connection reset); the pipe is dead.
    case disconnected
    /// This end was closed.
    case closed
    /// The waiting task was cancelled.
    case cancelled
}
