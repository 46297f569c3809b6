import DeviceProfiles
import Foundation
import StimDevice
import StimProtocol
import StimSafety

/// Carries out the lines of a programming session on a connected `Programmer` and says what happened,
/// in the words of ``SessionText``: what `scs session` runs at its prompt or over a script.
///
/// Every command that changes stimulation goes through the `Programmer`, which validates with the
/// safety core before sending, and the device validates again.
actor SessionRunner {
    /// What running one line came to.
    enum Outcome: Equatable {
        /// Done, or nothing to do.
        case done
        /// Refused by the host's check or the device, or failed on the way: nothing changed.
        case refused
        /// The session should end.
        case quit
    }

    private let programmer: Programmer
    private let profile: DeviceProfile
    /// What the session reads, which `log FILE` may not overwrite.
    private let inputs: CommandInputs
    private let write: @Sendable (String) -> Void
    private var history: [String] = []
    /// The warnings acknowledged by this session's writes, by slot, which an `adjust` of the slot's
    /// program need not acknowledge again.
    private var acknowledgedBySlot: [Slot: RuleSet] = [:]

    /// A runner on `programmer` for a device of `profile`, writing its answers with `write`; `log FILE`
    /// writes none of `inputs`.
    init(
        programmer: Programmer, profile: DeviceProfile, inputs: CommandInputs,
        write: @escaping @Sendable (String) -> Void
    ) {
        self.programmer = programmer
        self.profile = profile
        self.inputs = inputs
        self.write = write
    }

    /// The prompt: the device, the active slot, the therapy state and the amplitude.
    func prompt() async -> String {
        SessionText.prompt(profileID: profile.id, state: await programmer.lastState)
    }

    /// Runs `line` (as typed: `text`) and prints its answer.
    func run(_ line: SessionLine, text: String) async -> Outcome {
        if line != .nothing, line != .history { history.append(text.trimmingCharacters(in: .whitespaces)) }
        do throws(ProgrammerError) {
            return try await execute(line)
        } catch {
            write(SessionText.failure(error))
            return .refused
        }
    }

    private func execute(_ line: SessionLine) async throws(ProgrammerError) -> Outcome {
        switch line {
        case .nothing: break
        case .status: write(SessionText.status(try await programmer.readState()))
        case .check where programmer.role == .patient: throw .notPermitted(.writeProgram)
        case .adjust(_, let acknowledged) where programmer.role == .patient && !acknowledged.isEmpty:
            write("refused, nothing sent: a patient's remote cannot acknowledge warnings; the clinician does")
            return .refused
        case .check(let slot, let program, let acknowledged):
            let validation = await programmer.check(program, slot: slot, acknowledging: acknowledged)
            write(
                ValidationText.render(
                    profile: profile, program: program, validation: validation, acknowledged: acknowledged))
            return validation.maySend(acknowledging: acknowledged) ? .done : .refused
        case .write(let slot, let program, let acknowledged):
            let validation = try await programmer.write(program, to: slot, acknowledging: acknowledged)
            acknowledgedBySlot[slot] = acknowledged
            write(SessionText.written(slot: slot, program: program, validation: validation, acknowledged: acknowledged))
        case .activate(let slot):
            try await programmer.activate(slot: slot)
            write("slot \(slot) active")
        case .adjust(let amplitude, let acknowledged):
            // A patient's remote leaves warnings to the device, which knows what the clinician acknowledged.
            let written = await programmer.lastState.activeSlot.flatMap { acknowledgedBySlot[$0] } ?? []
            let host = programmer.role == .patient ? nil : acknowledged.union(written)
            let target = try await programmer.setAmplitude(amplitude, acknowledging: host)
            write("amplitude set: ramping to \(target)")
        case .therapy(let isOn):
            try await programmer.setTherapy(on: isOn)
            write("therapy \(isOn ? "on" : "off")")
        case .impedance: write(SessionText.impedance(try await programmer.measureImpedance()))
        case .battery: write(SessionText.battery(try await programmer.readBattery()))
        case .log(let file): return try await log(to: file)
        case .wait(let duration):
            try? await Task.sleep(for: duration)
            // The next prompt shows the device as it is after the wait (a ramp further on, say).
            _ = try await programmer.readState()
        case .history:
            let width = String(history.count).count
            write(
                history.enumerated().map { index, text in
                    let number = String(index + 1)
                    return "  " + String(repeating: " ", count: width - number.count) + number + "  " + text
                }.joined(separator: "\n"))
        case .help: write(SessionText.help)
        case .quit: return .quit
        }
        return .done
    }

    /// Reads the event log; prints it, or writes it to `file`.
    private func log(to file: String?) async throws(ProgrammerError) -> Outcome {
        let recording = try await programmer.readEventLog()
        guard let file else {
            write(SessionText.eventLog(recording))
            return .done
        }
        do {
            try OutputFile.write(recording, to: file, location: file, inputs: inputs)
        } catch {
            write(Terminal.escaped("event log not written: \(error)"))
            return .refused
        }
        let lines = recording.lazy.filter { $0 == UInt8(ascii: "\n") }.count
        write(Terminal.escaped("event log written to \(file) (\(lines) lines)"))
        return .done
    }
}
