import Logging

/// One client of a ``StimulatorSocketServer``, served on a thread of its own: what it reads goes to
/// the connection's own frame decoder (`StimulatorConnection`) in front of the shared device, and
/// the replies go back.
///
/// The read deadline: a connection that completes no frame the device answers within
/// `readTimeout` (silent, stuck in half a frame, or sending bytes that make no frame) is closed,
/// and so is one that does not take its replies within that time.
struct ServedConnection {
    let number: UInt64
    let socket: SocketDescriptor
    let device: SimulatedStimulator
    let configuration: StimulatorSocketServer.Configuration
    let logger: Logger

    /// Serves the connection until the client closes it, the deadline passes or the server stops.
    func run() {
        socket.setSendTimeout(configuration.readTimeout)
        let stream = device.makeConnection()
        var trace = configuration.tracesFrames ? FrameTrace(connection: number, logger: logger) : nil
        var deadline = ContinuousClock.now.advanced(by: configuration.readTimeout)
        while true {
            switch socket.nextBytes(before: deadline) {
            case .bytes(let bytes):
                trace?.received(bytes)
                let replies = stream.receive(bytes)
                guard !replies.isEmpty else { continue }
                trace?.sent(replies)
                guard socket.writeAll(replies) else {
                    return logger.notice("connection \(number) closed: the client does not take its replies")
                }
                deadline = ContinuousClock.now.advanced(by: configuration.readTimeout)
            case .timedOut:
                return logger.notice(
                    "connection \(number) closed: no whole frame within the read timeout (\(configuration.readTimeout))"
                )
            case .ended:
                trace?.ended()
                let replies = stream.finish()
                trace?.sent(replies)
                _ = socket.writeAll(replies)
                return logger.info("connection \(number) closed")
            }
        }
    }
}
