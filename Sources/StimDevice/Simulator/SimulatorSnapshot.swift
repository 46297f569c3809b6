import RecordingFormat
import StimProtocol
import StimSafety

/// Everything observable about a simulated stimulator at one instant, beyond what the wire's state
/// reply carries.
public struct SimulatorSnapshot: Hashable, Sendable {
    /// The device's own time.
    public var time: Timestamp
    /// What a readState reply would carry.
    public var state: DeviceState
    /// Each slot's running amplitude, slot 1 first (the program's amplitude until adjusted).
    public var slotAmplitudes: [Nanoamps]
    /// The ramp's level before cycling gates it: what the output drives during an on phase.
    public var rampLevel: Nanoamps
    /// The battery's state of charge, 0 … 1 (of the usable charge, for a rechargeable cell).
    public var batteryFraction: Double
    /// Whether a charge session is running.
    public var isCharging: Bool
    /// The latest impedance measurement, empty before the first.
    public var lastMeasurement: ImpedanceMeasurement
    /// How many events the log holds.
    public var eventCount: Int
    /// How many sessions are authenticated and not closed.
    public var openSessionCount: Int
    /// How many frames the device received and did not answer (damaged, or replies).
    public var droppedFrameCount: Int
}

/// Why a direct (non-wire) operation on a simulated stimulator failed.
public enum SimulatorError: Error, Hashable, Sendable {
    /// A charge session on a primary cell.
    case notRechargeable
    /// A charge session while one is running.
    case alreadyCharging
    /// A slot number the device does not have.
    case noSuchSlot(Slot)
    /// A contact the device's leads do not have.
    case noSuchContact(ContactID)
}
