import Synchronization

@testable import StimDevice

/// Everything a simulated stimulator holds that a frame could change, as text, read without bringing
/// the simulation up to its clock: slots, output, battery, impedances, the event log, the clock, the
/// random generator, and every session with its phase, replay window, reply cache and last use.
///
/// Two dumps are equal exactly when the device is in the same state. Left out: what never changes
/// after the device is made (configuration, identity, keys, logger) and the count of frames it could
/// not answer, which exists to count them.
enum DeviceStateDump {
    static let unchanging: Set<String> = ["configuration", "identity", "keys", "logger", "droppedFrameCount"]

    static func of(_ device: SimulatedStimulator) -> String {
        let core = device.core.withLock { $0 }
        return Mirror(reflecting: core).children
            .filter { !unchanging.contains($0.label ?? "") }
            .map { "\($0.label ?? "?"): \(String(reflecting: $0.value))" }
            .joined(separator: "\n")
    }
}
