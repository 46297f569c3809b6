import Logging
import RecordingFormat
import StimProtocol
import StimSafety
import Synchronization

/// A simulated spinal cord stimulator: the device end of the wire protocol, as real code rather than
/// a mock (the way swift-nio's `EmbeddedChannel` is a real channel).
///
/// It keeps program slots, the active slot and the therapy state; opens and authenticates sessions;
/// validates every program, activation and adjustment again with `StimSafety` against its own limits
/// and applies what passes atomically; ramps the output (soft start, amplitude slew); cycles; models
/// each contact's impedance and the battery of `safety-rules.md` §3; and logs what happens in the
/// recording format of `recording-format.md`.
///
/// **Thread safety.** All mutable state is one value behind one `Mutex`, not in an actor: a USB
/// harness calls the device from a C callback thread that cannot `await`, so every entry point is
/// synchronous (``handle(frameBytes:)``), and one lock makes each request atomic with respect to every
/// other and to the clock catching up.
///
/// **Time.** Every entry point first brings the simulation up to the injected clock's reading; with a
/// ``ManualClock``, a month of battery drain and ramps costs a few integration steps.
public final class SimulatedStimulator: Sendable {
    /// What the device reports on identify.
    public let identity: DeviceIdentity
    /// The limits the device validates against.
    public let limits: DeviceLimits
    /// The number of program slots.
    public let slotCount: Int
    private let clock: any DeviceClock
    /// Internal rather than private for the attack tests, which compare the whole state before and after.
    let core: Mutex<DeviceCore>

    /// A device configured by `configuration`, authenticating sessions with `keys`, reading time from
    /// `clock`, drawing session ids and nonces from `random`, and logging to `logger`.
    public init(
        configuration: SimulatorConfiguration, keys: DeviceKeyStore, clock: any DeviceClock = SystemClock(),
        random: some RandomNumberGenerator & Sendable = SystemRandomNumberGenerator(),
        logger: Logger = Logger(label: "scs.device", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        let state = DeviceCore(
            configuration: configuration, keys: keys, start: clock.now(), random: random, logger: logger)
        identity = state.identity
        limits = configuration.limits
        slotCount = state.slots.count
        self.clock = clock
        core = Mutex(state)
    }

    /// Runs `body` on the device state, brought up to the clock's reading first.
    private func withCore<Result>(_ body: (inout DeviceCore) -> Result) -> Result {
        let now = clock.now().nanosecondsSinceEpoch
        return core.withLock { state in
            state.advance(to: now)
            return body(&state)
        }
    }

    // MARK: The wire

    /// Answers the whole frames in `frameBytes` (one USB transfer, one in-process send) with the
    /// encoded replies, in order. Damaged bytes and replies sent to the device get no answer; an
    /// unfinished frame at the end is dropped. Synchronous and thread-safe, for a C callback thread.
    public func handle(frameBytes: [UInt8]) -> [UInt8] {
        var decoder = FrameDecoder()
        return withCore { $0.respond(to: frameBytes, decoder: &decoder, finishing: true) }
    }

    /// A connection for a byte stream (a socket), whose frames may arrive split across reads.
    public func makeConnection() -> StimulatorConnection {
        StimulatorConnection(device: self)
    }

    /// Answers the frames `decoder` finds in `bytes`, for `StimulatorConnection`.
    func respond(to bytes: [UInt8], decoder: inout FrameDecoder, finishing: Bool) -> [UInt8] {
        withCore { $0.respond(to: bytes, decoder: &decoder, finishing: finishing) }
    }

    // MARK: Looking at the device

    /// The state a readState reply would carry now.
    public func state() -> DeviceState {
        withCore { $0.state }
    }

    /// Everything observable about the device now, for tests and simulations.
    public func snapshot() -> SimulatorSnapshot {
        withCore { state in
            SimulatorSnapshot(
                time: state.deviceNow, state: state.state, slotAmplitudes: state.slots.map(\.amplitude),
                rampLevel: state.output.level(at: state.simulatedUntil, target: state.target),
                batteryFraction: state.battery.fraction, isCharging: state.battery.isCharging,
                lastMeasurement: state.lastMeasurement, eventCount: state.log.eventCount,
                openSessionCount: state.sessions.openCount, droppedFrameCount: state.droppedFrameCount)
        }
    }

    /// The device's own time (the clock's reading, shifted by any setClock).
    public var now: Timestamp {
        withCore { $0.deviceNow }
    }

    /// The event log as a recording (`.scsrec.jsonl`), closed by an `end` line at the present time.
    public func exportRecording() -> [UInt8] {
        withCore { $0.log.export(end: $0.deviceNow) }
    }

    /// The recording so far, piece by piece, for a simulation that writes it as it goes: the header on
    /// the first call, then the events logged since the previous call, which the device then forgets
    /// (later exports and log reads hold only what came after); `isClosing` adds the `end` line at the
    /// present time. The pieces, joined, are the recording ``exportRecording()`` would have returned.
    public func drainRecording(isClosing: Bool = false) -> [UInt8] {
        withCore { $0.log.drain(closingAt: isClosing ? $0.deviceNow : nil) }
    }

    // MARK: What happens to the implant outside a session

    /// Puts the patient's charger on: a charge session starts, and ends by itself when the cell is full.
    public func startCharging() throws(SimulatorError) {
        let outcome = withCore { state -> SimulatorError? in
            guard state.battery.model.kind == .rechargeable else { return .notRechargeable }
            return state.startCharging() ? nil : .alreadyCharging
        }
        if let outcome { throw outcome }
    }

    /// Takes the charger off, ending a charge session; does nothing when none is running.
    public func stopCharging() {
        withCore { _ = $0.stopCharging() }
    }

    /// Injects `fault` on `contact` (a lead contact or the case), or clears it with nil; the next
    /// impedance measurement shows it.
    public func setImpedanceFault(_ fault: ImpedanceFault?, on contact: ContactID) throws(SimulatorError) {
        let isKnown = withCore { state in
            guard state.impedance.knows(contact) else { return false }
            state.impedance.faults[contact] = fault
            return true
        }
        guard isKnown else { throw .noSuchContact(contact) }
    }

    /// What `contact` would measure now, nil for a contact the device does not have.
    public func impedance(of contact: ContactID) -> Milliohms? {
        withCore { $0.impedance.impedance(of: contact) }
    }

    /// Enables or disables a slot for the patient's remote (writing a program enables its slot).
    public func setSlot(_ slot: Slot, isEnabled: Bool) throws(SimulatorError) {
        let isKnown = withCore { state in
            guard let index = state.slotIndex(slot) else { return false }
            state.slots[index].isEnabled = isEnabled
            return true
        }
        guard isKnown else { throw .noSuchSlot(slot) }
    }
}
