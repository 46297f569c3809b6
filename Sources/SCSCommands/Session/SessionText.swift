import Foundation
import Report
import StimDevice
import StimProtocol
import StimSafety

/// The human text of a programming session: the device's state, readings, refusals and help.
package enum SessionText {
    /// The answer to `help`.
    static let help = """
        Commands (one per line; # starts a comment):
          status                          the device's state and its program slots
          check SLOT FLAGS…               validate a program for SLOT on the host, send nothing
          write SLOT FLAGS…               validate, send and read back a program, e.g.
                                            write 1 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+
                                            (flags of `scs validate`, plus --acknowledge RULE for a warning)
          activate SLOT                   make SLOT the running program
          adjust MA [--acknowledge RULE]  set the running program's amplitude (an increase ramps), e.g. adjust 3.5
          on | off                        switch therapy on or off
          impedance                       measure every contact and the case
          battery                         read the battery
          log [FILE]                      read the event log (a recording); write it to FILE if given
          wait DURATION                   pause, e.g. wait 2s, wait 500ms (for a ramp in a script)
          history                         the commands of this session
          help | quit
        """

    /// The first lines of a session: the device reached and the role, then the hint (two lines, to stay
    /// within 120 columns).
    static func greeting(_ identity: DeviceIdentity, role: Role) -> String {
        Terminal.escaped(
            "connected to \(identity.model) (\(identity.profileID), serial \(identity.serial), firmware "
                + "\(identity.firmware)) as \(role)") + "\ntype help for commands"
    }

    /// The answer to `status`: therapy, active slot, amplitude, battery, and every slot's program.
    static func status(_ state: DeviceState) -> String {
        var lines = [
            "therapy    \(state.isTherapyOn ? Terminal.paint("on", .green) : "off")",
            "active     \(state.activeSlot.map { "slot \($0)" } ?? "none")",
            "amplitude  \(amplitude(state))" + (isRamping(state) ? " (ramping)" : ""),
            battery(state.battery),
        ]
        var table = TextTable(["slot", "remote", "program"])
        for slot in state.slots {
            table.add([
                "\(slot.slot)", slot.isEnabled ? "enabled" : "disabled",
                slot.program.map(oneLine) ?? "empty",
            ])
        }
        lines.append("")
        lines.append(table.render(indent: "  "))
        return lines.joined(separator: "\n")
    }

    /// The answer to `battery`, and the battery line of `status`.
    static func battery(_ battery: BatteryStatus) -> String {
        var text = "battery    \(battery.percent) % (\(battery.voltage))"
        text += battery.isRechargeable ? ", rechargeable" : ", primary cell"
        if battery.isCharging { text += ", charging" }
        return text
    }

    /// The answer to `impedance`: each contact's measurement, the case included.
    static func impedance(_ measurement: ImpedanceMeasurement) -> String {
        var table = TextTable(["contact", "impedance"], alignments: [.left, .right])
        for entry in measurement { table.add(["\(entry.contact)", "\(entry.ohms)"]) }
        return table.render(indent: "  ")
    }

    /// The answer to `log`: the device's event log as its lines, with what the device wrote in them
    /// (serials, fault details) escaped for the terminal.
    static func eventLog(_ recording: [UInt8]) -> String {
        Terminal.escaped(
            String(decoding: recording, as: UTF8.self).trimmingCharacters(in: .newlines), keepingLineBreaks: true)
    }

    /// The prompt of a session: `tonic-16 · slot 1 · on 3 mA> `, `… · on 3 mA → 3.5 mA> ` while ramping.
    static func prompt(profileID: String, state: DeviceState) -> String {
        let slot = state.activeSlot.map { "slot \($0)" } ?? "no slot"
        let therapy = state.isTherapyOn ? "on \(amplitude(state))" : "off"
        return Terminal.escaped("\(profileID) · \(slot) · \(therapy)> ")
    }

    /// The amplitude as the prompt and `status` both show it: the target, after the running amplitude
    /// while a ramp is under way.
    private static func amplitude(_ state: DeviceState) -> String {
        isRamping(state) ? "\(state.runningAmplitude) → \(state.targetAmplitude)" : "\(state.targetAmplitude)"
    }

    private static func isRamping(_ state: DeviceState) -> Bool {
        state.isTherapyOn && state.runningAmplitude != state.targetAmplitude
    }

    /// A program written and read back, with the host's verdict on it.
    static func written(
        slot: Slot, program: StimProgram, validation: Validation, acknowledged: RuleSet
    ) -> String {
        var lines = ["slot \(slot) written and read back: \(ProgramText.summary(program))"]
        if validation.verdict == .acceptedWithWarnings {
            lines.append("warnings acknowledged:")
            lines += findings(validation.findings, acknowledged: acknowledged)
        }
        return lines.joined(separator: "\n")
    }

    /// A program's summary on one line, for a table cell.
    private static func oneLine(_ program: StimProgram) -> String {
        ProgramText.summary(program).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " · ")
    }

    private static func findings(_ findings: [Finding], acknowledged: RuleSet = []) -> [String] {
        findings.map { finding in
            let mark = finding.severity == .error ? "✗" : (acknowledged.contains(finding.rule) ? "✓" : "!")
            return "  \(mark) \(finding.rule.name): \(finding.message)"
        }
    }

    /// Why a patient's session may not do what the request of `type` does, and what it may do.
    static func notPermitted(_ type: MessageType) -> String {
        let action =
            switch type {
            case .writeProgram: "write or check programs"
            case .measureImpedance: "measure impedance"
            case .readEventLog: "read the event log"
            case .setClock: "set the clock"
            default: "send \(type)"
            }
        return "refused, nothing sent: a patient's remote may not \(action); it may adjust the amplitude within the "
            + "patient range, activate an enabled slot, switch therapy on or off, and read the state and battery"
    }

    /// Why an operation failed, with the rule ids and numbers where there are any; nothing changed.
    package static func failure(_ error: ProgrammerError) -> String {
        switch error {
        case .unsafe(let validation):
            var lines = ["refused, nothing sent: the safety check finds"] + findings(validation.findings)
            if validation.verdict != .rejected {
                let flags = validation.ruleIDs.map { "--acknowledge \($0.name)" }.joined(separator: " ")
                lines.append("to send it, acknowledge each warning: \(flags)")
            }
            return lines.joined(separator: "\n")
        case .deviceRejected(let code, let rules):
            return "the device refused it: " + ErrorReply(code: code, rules: rules).sentence
        case .notPermitted(let type): return notPermitted(type)
        case .timeout: return "the device did not answer in time"
        case .disconnected: return "the device went away"
        case .writeOutcomeUnknown(let slot):
            return "the write to slot \(slot) got no answer and its outcome is unknown; check with status"
        case .unauthenticatedReply(let type):
            return "the answer to \(type) did not carry the session's MAC, so it is not believed: it was forged or "
                + "damaged on the way, or the device lost the session; what the device did is unknown"
        default: return Terminal.escaped("\(error)")
        }
    }
}
