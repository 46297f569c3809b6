import Logging
import RecordingFormat
import StimProtocol
import StimSafety

/// Everything a simulated stimulator holds, as one value: `SimulatedStimulator` keeps it behind its
/// lock, so every method here runs with the device to itself.
///
/// Time: `simulatedUntil` is the clock reading up to which battery and ramps have been integrated;
/// the device's own clock (the event log's timestamps) runs `clockOffset` ahead of it after a
/// setClock.
struct DeviceCore: Sendable {
    let configuration: SimulatorConfiguration
    let identity: DeviceIdentity
    let keys: DeviceKeyStore
    let logger: Logger
    var random: any RandomNumberGenerator & Sendable
    var slots: [ProgramSlot]
    var activeSlot: Slot?
    var output: OutputState
    var battery: BatteryState
    var impedance: ImpedanceModel
    /// The latest measurement, what validation uses for the contacts it covers.
    var measured: MeasuredImpedances = .none
    var lastMeasurement = ImpedanceMeasurement()
    var sessions: SessionTable
    var log: EventLog
    var simulatedUntil: Int64
    /// Wider than a reading, so that no setClock and no later reading can make the device's time wrap.
    var clockOffset: Int128 = 0
    /// Frames that were not answered: damaged, replies sent to the device, or unanswerable. A count for
    /// diagnosis, not device state: it is the one thing a frame from anyone may change.
    var droppedFrameCount = 0
    /// The battery current for the last (program, level, impedances) asked for, µA.
    var drainCache: (program: StimProgram, level: Nanoamps, impedances: MeasuredImpedances, current: Double)?

    var limits: DeviceLimits { configuration.limits }

    init(
        configuration: SimulatorConfiguration, keys: DeviceKeyStore, start: Timestamp,
        random: any RandomNumberGenerator & Sendable, logger: Logger
    ) {
        self.configuration = configuration
        identity = DeviceIdentity(
            protocolVersions: [Frame.protocolVersion], profileID: configuration.profileID, model: configuration.model,
            serial: configuration.serial, firmware: configuration.firmware)
        self.keys = keys
        self.logger = logger
        self.random = random
        // A state reply numbers each slot in one byte, so a device has at most 255.
        let count = max(1, min(configuration.slotCount, Int(UInt8.max)))
        slots = (1...count).compactMap { Slot(number: $0).map(ProgramSlot.init) }
        output = OutputState(step: configuration.limits.amplitudeSlewMax, interval: configuration.rampStepInterval)
        battery = BatteryState(
            model: configuration.limits.battery, fraction: configuration.initialBatteryFraction,
            chargeRatePerHour: configuration.chargeRatePerHour)
        impedance = ImpedanceModel(
            limits: configuration.limits, variation: configuration.impedanceVariation,
            seed: configuration.impedanceSeed)
        sessions = SessionTable(
            pendingLimit: configuration.maximumPendingSessions,
            openLimitPerRole: configuration.maximumOpenSessionsPerRole, windowWidth: configuration.replayWindowWidth,
            cachedReplies: configuration.cachedRepliesPerSession)
        log = EventLog(device: configuration.profileID, serial: configuration.serial, start: start)
        simulatedUntil = start.nanosecondsSinceEpoch
    }

    /// The device's own time now; at the ends of the `Int64` range it stops rather than wraps.
    var deviceNow: Timestamp {
        Timestamp(nanosecondsSinceEpoch: Int64(clamping: Int128(simulatedUntil) + clockOffset))
    }

    /// Appends `event` to the log at the device's present time.
    mutating func record(_ event: RecordingEvent) {
        log.append(event, at: deviceNow)
    }

    /// Logs the battery level the device reports now (a `battery` line).
    mutating func recordBatteryLevel() {
        record(.battery(Percent(units: Int64(battery.percent))))
    }

    /// The index of `slot` in `slots`, nil when the device has no such slot.
    func slotIndex(_ slot: Slot) -> Int? {
        let index = slot.number - 1
        return slots.indices.contains(index) ? index : nil
    }

    /// The active slot, if any.
    var active: ProgramSlot? {
        activeSlot.flatMap(slotIndex).map { slots[$0] }
    }

    /// The active slot's amplitude: what the output ramps towards.
    var target: Nanoamps { active?.amplitude ?? .zero }

    /// The amplitude delivered now: the ramp's level, gated by cycling.
    var deliveredAmplitude: Nanoamps {
        guard output.isInOnPhase(at: simulatedUntil, cycling: active?.program?.cycling) else { return .zero }
        return output.level(at: simulatedUntil, target: target)
    }

    /// The state the wire's readState reply carries.
    var state: DeviceState {
        DeviceState(
            slots: slots.map { SlotState(slot: $0.number, isEnabled: $0.isEnabled, program: $0.program) },
            activeSlot: activeSlot, isTherapyOn: output.isOn, runningAmplitude: deliveredAmplitude,
            targetAmplitude: target, battery: battery.status)
    }

    /// The validation context of the device for a program in `slot` (whose slot group may narrow the
    /// limits): its latest measurement, `acknowledged`, and optionally the running amplitude for the
    /// slew rule.
    func context(slot: Slot, acknowledging acknowledged: RuleSet, running: Nanoamps? = nil) -> ValidationContext {
        ValidationContext(impedances: measured, acknowledged: acknowledged, runningAmplitude: running, slot: slot)
    }

    /// Why the device refuses `program`, nil when it may run: the rules with errors, or else the
    /// warnings not acknowledged, in the order the core reports them.
    func refusal(of program: StimProgram, context: ValidationContext) -> ErrorReply? {
        let findings = limits.validate(program, context: context).findings
        let errors = uniqueRules(findings.filter { $0.severity == .error })
        if !errors.isEmpty { return ErrorReply(code: .safetyRejected, rules: errors) }
        let unacknowledged = uniqueRules(findings.filter { !context.acknowledged.contains($0.rule) })
        if !unacknowledged.isEmpty { return ErrorReply(code: .unacknowledgedWarnings, rules: unacknowledged) }
        return nil
    }

    private func uniqueRules(_ findings: [Finding]) -> [RuleID] {
        var seen = RuleSet()
        var rules: [RuleID] = []
        for finding in findings where !seen.contains(finding.rule) {
            seen.insert(RuleSet(rule: finding.rule))
            rules.append(finding.rule)
        }
        return rules
    }
}
