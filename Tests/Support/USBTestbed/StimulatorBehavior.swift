import StimDevice

/// A virtual device whose function is a simulated stimulator: bulk OUT bytes go to the simulator as
/// a byte stream, and its replies come back on bulk IN.
///
/// The stream keeps one frame decoder for as long as the device is plugged in, so a frame may span
/// transfers, as `docs/protocol.md` §5 allows.
public struct StimulatorBehavior: DeviceBehavior {
    /// The simulator behind the device.
    public let device: SimulatedStimulator
    private let connection: StimulatorConnection

    /// A behaviour answering with `device`.
    public init(device: SimulatedStimulator) {
        self.device = device
        self.connection = device.makeConnection()
    }

    public func received(_ bytes: [UInt8]) -> [[UInt8]] {
        let replies = connection.receive(bytes)
        return replies.isEmpty ? [] : [replies]
    }
}
