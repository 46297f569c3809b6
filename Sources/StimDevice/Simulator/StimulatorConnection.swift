import StimProtocol
import Synchronization

/// One byte-stream connection to a simulated stimulator (a socket): frames may arrive split across
/// reads or several in one, so the connection keeps its own frame decoder between reads.
public final class StimulatorConnection: Sendable {
    private let device: SimulatedStimulator
    private let decoder = Mutex(FrameDecoder())

    init(device: SimulatedStimulator) {
        self.device = device
    }

    /// Takes the next bytes of the stream and returns the encoded replies to the frames they complete.
    public func receive(_ bytes: [UInt8]) -> [UInt8] {
        decoder.withLock { decoder in device.respond(to: bytes, decoder: &decoder, finishing: false) }
    }

    /// Says the stream has ended: answers whole frames still buffered and drops an unfinished one.
    public func finish() -> [UInt8] {
        decoder.withLock { decoder in device.respond(to: [], decoder: &decoder, finishing: true) }
    }
}
