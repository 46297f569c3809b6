import RecordingFormat
import StimDevice
import StimProtocol
import StimSafety
import TherapyLog

extension RecordingReplay {
    /// The session role for a recording's `by`: a patient's remote, else a clinician (what the device
    /// did by itself, such as switching therapy off, a clinician session does in its place).
    static func role(_ by: EventOrigin) -> StimProtocol.Role {
        by == .patient ? .patient : .clinician
    }

    /// A recording's slot for the device; a number the wire cannot carry is refused as no such slot,
    /// as the device refuses a slot it does not have.
    static func slot(_ slot: Slot) throws(ProgrammerError) -> Slot {
        guard slot.wireByte != nil else { throw .deviceRejected(.noSuchSlot, rules: []) }
        return slot
    }

    /// A refused request's slot for the device, which refuses a number that names no slot as well.
    static func slot(_ number: Int) throws(ProgrammerError) -> Slot {
        guard let slot = Slot(number: number) else { throw .deviceRejected(.noSuchSlot, rules: []) }
        return try Self.slot(slot)
    }

    /// Sends a refused command again.
    static func send(_ request: RefusedRequest, with programmer: Programmer) async throws(ProgrammerError) {
        switch request {
        case .write(let slot, let program, let acknowledged):
            let rules = RuleSet(acknowledged.compactMap { RuleID(name: $0) })
            try await programmer.write(program, to: try Self.slot(slot), acknowledging: rules)
        case .activate(let slot): try await programmer.activate(slot: try Self.slot(slot))
        case .therapy(let isOn): try await programmer.setTherapy(on: isOn)
        case .amplitude(_, let amplitude): try await programmer.setAmplitude(amplitude)
        }
    }

    /// Why a command was not done: the rule ids (the host's check, or the device's answer) and words
    /// with the numbers.
    static func refusal(_ error: ProgrammerError) -> (rules: [String], text: String) {
        switch error {
        case .unsafe(let validation):
            let blocking = validation.findings.filter {
                validation.verdict == .rejected ? $0.severity == .error : $0.severity == .warning
            }
            let rules = RuleSet(blocking.map(\.rule)).rules.map(\.name)
            let reasons = blocking.map { "\($0.rule.name): \($0.message)" }.joined(separator: "; ")
            return (rules, "the safety check refuses it (\(reasons))")
        case .deviceRejected(let code, let rules):
            return (rules.map(\.name), "the device refused it: " + ErrorReply(code: code, rules: rules).sentence)
        default:
            return ([], "it failed: \(error)")
        }
    }
}
