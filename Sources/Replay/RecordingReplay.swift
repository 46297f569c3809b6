import RecordingFormat
import StimDevice
import StimProtocol
import StimSafety
import TherapyLog

/// Drives a recording's commands into a stimulator in order and compares what the device does with
/// what the recording says: what `scs replay` runs.
///
/// Program writes, activations, amplitude changes and therapy on/off are sent through a `Programmer`
/// (so the host's safety check and the device's both judge them) in a session of the role that sent
/// them (`device` events in a clinician session); refused commands (`rejected` events) are sent again
/// and must be refused again, for the same rules. Before each command the device clock is set to the
/// event's time. Readings and what the device does by itself (impedance, battery, charge, fault) are
/// not commands and are not driven. At the end the device's therapy state, active slot and amplitude
/// are compared with the recording's.
public struct RecordingReplay {
    /// The recording's events, in file order.
    public let events: [RecordedEvent]
    /// How fast recorded time passes.
    public let speed: ReplaySpeed
    private var sessions: ReplaySessions
    private var report: ReplayReport
    private var expected = RecordedState()
    private var deviceTime: Timestamp?

    /// A replay of `events` over `connection`, reported under `report` (its counts and findings are
    /// filled in here).
    public init(events: [RecordedEvent], connection: any ReplayConnection, speed: ReplaySpeed, report: ReplayReport) {
        self.events = events
        self.speed = speed
        sessions = ReplaySessions(connection: connection, device: report.device)
        self.report = report
    }

    /// Runs the replay, telling `progress` the number of events done.
    public mutating func run(progress: (Int) -> Void) async throws(Failure) -> ReplayReport {
        try await noteStartingState()
        var previous: Timestamp?
        for (index, recorded) in events.enumerated() {
            if let previous { await speed.wait(from: previous, to: recorded.appliedAt) }
            previous = recorded.appliedAt
            try await replay(recorded)
            progress(index + 1)
        }
        try await compareFinalState()
        await sessions.close()
        return report
    }

    private mutating func replay(_ recorded: RecordedEvent) async throws(Failure) {
        let line = recorded.line
        switch recorded.event {
        case .program(let slot, let program, let by):
            try await expectApplied(recorded, by: by) { programmer throws(ProgrammerError) in
                let warnings = await programmer.check(program, slot: try Self.slot(slot)).findings
                    .filter { $0.severity == .warning }.map(\.rule)
                // The recording shows it applied, so the clinician acknowledged its warnings.
                try await programmer.write(program, to: try Self.slot(slot), acknowledging: RuleSet(warnings))
            }
        case .activate(let slot, let by):
            try await expectApplied(recorded, by: by) { programmer throws(ProgrammerError) in
                try await programmer.activate(slot: try Self.slot(slot))
            }
        case .therapy(let isOn, let by):
            try await expectApplied(recorded, by: by) { programmer throws(ProgrammerError) in
                try await programmer.setTherapy(on: isOn)
            }
        case .amplitude(_, let amplitude, let by):
            var reported: Nanoamps?
            try await expectApplied(recorded, by: by) { programmer throws(ProgrammerError) in
                reported = try await programmer.setAmplitude(amplitude)
            }
            if let reported, reported != amplitude {
                report.divergences.append(
                    .init(
                        line: line, kind: .value, rules: [],
                        message: "the device ramps to \(reported); the recording shows \(amplitude)"))
            }
        case .rejected(let command):
            try await expectRefused(command, line: line, at: recorded.appliedAt)
        case .impedance, .battery, .charge, .fault:
            report.notDriven += 1
        case .end:
            break
        }
    }

    /// Sends a command the recording shows applied; a refusal is a divergence.
    private mutating func expectApplied(
        _ recorded: RecordedEvent, by: EventOrigin,
        _ send: (Programmer) async throws(ProgrammerError) -> Void
    ) async throws(Failure) {
        let programmer = try await prepare(at: recorded.appliedAt, line: recorded.line, role: Self.role(by))
        report.commands += 1
        // The recording's state follows the recording, whatever the device does.
        expected.apply(recorded.event, line: recorded.line)
        do {
            try await send(programmer)
        } catch {
            let refusal = Self.refusal(error)
            report.divergences.append(
                .init(
                    line: recorded.line, kind: .refused, rules: refusal.rules,
                    message: "the recording shows \(recorded.event.typeName) applied; \(refusal.text)"))
        }
    }

    /// Sends a command the recording shows refused; acceptance, or a refusal for other rules, is a
    /// divergence.
    private mutating func expectRefused(
        _ command: RejectedCommand, line: Int, at time: Timestamp
    ) async throws(Failure) {
        guard let request = command.refusedRequest else {
            report.notes.append(.init(line: line, message: "the refused request is not one a replay can send"))
            return
        }
        let programmer = try await prepare(at: time, line: line, role: Self.role(command.by))
        guard try await reproduceDisabledSlot(command, programmer: programmer, line: line) else {
            return
        }
        report.commands += 1
        let recordedRules = command.rules.joined(separator: ", ")
        do throws(ProgrammerError) {
            try await Self.send(request, with: programmer)
            report.divergences.append(
                .init(
                    line: line, kind: .accepted, rules: command.rules,
                    message: "the device accepted it; the recording shows it refused"
                        + (command.rules.isEmpty ? "" : " (rules: \(recordedRules))")))
        } catch {
            let refusal = Self.refusal(error)
            guard Set(refusal.rules) != Set(command.rules) else { return }
            report.divergences.append(
                .init(
                    line: line, kind: .rules, rules: refusal.rules,
                    message: "refused as recorded, but \(refusal.text); the recording gives rules: "
                        + (command.rules.isEmpty ? "none" : recordedRules)))
        }
    }

    /// A patient's activation refused with no rule ids, of a slot that holds a program: the device had
    /// disabled the slot for the remote, which is done on the device, not over the wire. An in-process
    /// simulator does it too; elsewhere the refusal cannot be reproduced and is noted. False when the
    /// command is not to be sent.
    private mutating func reproduceDisabledSlot(
        _ command: RejectedCommand, programmer: Programmer, line: Int
    ) async throws(Failure) -> Bool {
        guard let number = command.remoteActivation, let slot = Slot(number: number),
            let state = try? await programmer.readState(),
            state.slots.contains(where: { $0.slot == slot && $0.isEnabled && $0.program != nil })
        else { return true }
        guard let simulator = sessions.connection.localSimulator,
            (try? simulator.setSlot(slot, isEnabled: false)) != nil
        else {
            report.notes.append(
                .init(
                    line: line,
                    message: "not sent: the refusal means slot \(slot) was disabled for the remote on the device, "
                        + "which \(sessions.connection.name) cannot do over the wire"))
            return false
        }
        report.notes.append(
            .init(line: line, message: "slot \(slot) disabled for the remote on the device, as the refusal implies"))
        return true
    }

    /// The programmer in `role`, with the device clock set to `time` (of the event on `line`) first when
    /// time moved on.
    private mutating func prepare(
        at time: Timestamp, line: Int, role: StimProtocol.Role
    ) async throws(Failure) -> Programmer {
        if deviceTime.map({ time > $0 }) ?? true {
            let clinician = try await sessions.programmer(as: .clinician)
            do {
                try await clinician.setClock(to: time)
                deviceTime = time
            } catch .clockOutOfRange {
                throw .clockOutOfRange(file: report.file, line: line, time: time)
            } catch {
                throw .clockNotSet(target: sessions.connection.name, reason: "\(error)")
            }
        }
        return try await sessions.programmer(as: role)
    }

    /// A recording starts from a blank device (therapy off, no active slot); a served simulator may
    /// hold what an earlier session left, which the replay notes and does not change.
    private mutating func noteStartingState() async throws(Failure) {
        let state = try await readState()
        let held = state.slots.filter { $0.program != nil }.map { "\($0.slot)" }
        guard state.isTherapyOn || state.activeSlot != nil || !held.isEmpty else { return }
        report.notes.append(
            .init(
                line: 1,
                message: "the device did not start blank: therapy \(state.isTherapyOn ? "on" : "off"), active slot "
                    + (state.activeSlot.map { "\($0)" } ?? "none") + ", programs in slots "
                    + (held.isEmpty ? "none" : held.joined(separator: ", "))))
    }

    private mutating func readState() async throws(Failure) -> DeviceState {
        let programmer = try await sessions.programmer(as: .clinician)
        do {
            return try await programmer.readState()
        } catch {
            throw .stateUnreadable(target: sessions.connection.name, reason: "\(error)")
        }
    }

    private mutating func compareFinalState() async throws(Failure) {
        let state = try await readState()
        let last = events.last?.line ?? 1
        func differ(_ what: String, recorded: String, device: String, line: Int) {
            report.divergences.append(
                .init(
                    line: line, kind: .finalState, rules: [],
                    message: "at the end the recording has \(what) \(recorded), the device \(device)"))
        }
        if state.isTherapyOn != expected.isTherapyOn.value {
            differ(
                "therapy", recorded: expected.isTherapyOn.value ? "on" : "off",
                device: state.isTherapyOn ? "on" : "off",
                line: expected.isTherapyOn.line)
        }
        if state.activeSlot != expected.activeSlot?.value {
            differ(
                "active slot", recorded: expected.activeSlot.map { "\($0.value)" } ?? "none",
                device: state.activeSlot.map { "\($0)" } ?? "none", line: expected.activeSlot?.line ?? last)
        } else if let amplitude = expected.activeAmplitude, amplitude.value != state.targetAmplitude {
            differ(
                "amplitude", recorded: "\(amplitude.value)", device: "\(state.targetAmplitude)", line: amplitude.line)
        }
    }
}
