import RecordingFormat
import StimProtocol
import StimSafety

/// Who caused an event: the `by` field of a recording.
enum Initiator: String, CaseIterable, Hashable, Sendable {
    /// A clinician session.
    case clinician
    /// A patient session (the remote).
    case patient
    /// The stimulator itself, for example a shutdown on an empty battery.
    case device

    /// The initiator for requests of a session in `role`.
    init(_ role: Role) {
        switch role {
        case .clinician: self = .clinician
        case .patient: self = .patient
        }
    }
}

/// One entry of the simulator's event log: an event type of `recording-format.md` §1 (the header and
/// the `end` line are written by the log itself).
enum DeviceEvent: Hashable, Sendable {
    /// A program slot was written; its running amplitude became the program's amplitude.
    case program(slot: UInt8, program: StimProgram, by: Initiator)
    /// A slot became the active program.
    case activate(slot: UInt8, by: Initiator)
    /// Stimulation was switched on or off.
    case therapy(isOn: Bool, by: Initiator)
    /// A slot's amplitude changed without rewriting the program.
    case amplitude(slot: UInt8, amplitude: Nanoamps, by: Initiator)
    /// An impedance measurement, the case included.
    case impedance([ContactImpedance])
    /// A battery reading.
    case battery(percent: UInt8)
    /// A recharge session started (true) or ended.
    case charge(isStart: Bool)
    /// The device refused a command and changed nothing; `request` is the request as a JSON object.
    case rejected(by: Initiator, rules: [RuleID], request: String)
    /// A device fault (`lead-open`, `lead-short`, `low-battery`).
    case fault(code: String, detail: String)

    /// The event's line of the recording, stamped `time`.
    func recordingLine(at time: Timestamp) -> String {
        var line = JSONObjectWriter()
        line.string("t", time.rfc3339)
        switch self {
        case .program(let slot, let program, let by):
            line.string("type", "program")
            line.integer("slot", slot)
            line.string("by", by.rawValue)
            line.raw("program", program.recordingJSON)
        case .activate(let slot, let by):
            line.string("type", "activate")
            line.integer("slot", slot)
            line.string("by", by.rawValue)
        case .therapy(let isOn, let by):
            line.string("type", "therapy")
            line.bool("on", isOn)
            line.string("by", by.rawValue)
        case .amplitude(let slot, let amplitude, let by):
            line.string("type", "amplitude")
            line.integer("slot", slot)
            line.decimal("amplitude", amplitude)
            line.string("by", by.rawValue)
        case .impedance(let measurements):
            line.string("type", "impedance")
            var ohms = JSONObjectWriter()
            for entry in measurements { ohms.decimal(entry.contact.description, entry.impedance) }
            line.raw("ohms", ohms.finish())
        case .battery(let percent):
            line.string("type", "battery")
            line.integer("percent", percent)
        case .charge(let isStart):
            line.string("type", "charge")
            line.string("state", isStart ? "start" : "end")
        case .rejected(let by, let rules, let request):
            line.string("type", "rejected")
            line.string("by", by.rawValue)
            line.raw("rules", JSONObjectWriter.stringArray(rules.map(\.name)))
            line.raw("request", request)
        case .fault(let code, let detail):
            line.string("type", "fault")
            line.string("code", code)
            line.string("detail", detail)
        }
        return line.finish()
    }
}
