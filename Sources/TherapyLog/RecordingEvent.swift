import StimSafety

/// One event of a recording (`recording-format.md` §1), without its time and line.
public enum RecordingEvent: Hashable, Sendable {
    /// A program slot was written; the slot's running amplitude becomes the program's amplitude.
    case program(slot: Int, program: StimProgram, by: Role)
    /// The slot became the active program.
    case activate(slot: Int, by: Role)
    /// Stimulation was switched on or off.
    case therapy(isOn: Bool, by: Role)
    /// The amplitude of a slot changed without rewriting its program.
    case amplitude(slot: Int, amplitude: Nanoamps, by: Role)
    /// An impedance measurement, per contact (the case included where it was measured).
    case impedance([ContactID: Milliohms])
    /// The battery state, in percent.
    case battery(Percent)
    /// A recharge session started or ended.
    case charge(ChargeState)
    /// The device refused a command; nothing changed.
    case rejected(RejectedCommand)
    /// A device fault.
    case fault(code: String, detail: String?)
    /// The last line: closes the recorded span.
    case end

    /// The `type` as written in a recording.
    public var typeName: String {
        switch self {
        case .program: "program"
        case .activate: "activate"
        case .therapy: "therapy"
        case .amplitude: "amplitude"
        case .impedance: "impedance"
        case .battery: "battery"
        case .charge: "charge"
        case .rejected: "rejected"
        case .fault: "fault"
        case .end: "end"
        }
    }
}

/// The `state` of a `charge` event.
public enum ChargeState: String, CaseIterable, Hashable, Sendable {
    /// The recharge session began.
    case start
    /// The recharge session ended.
    case end
}

/// A command the device refused: who sent it, the rule ids it gave, and the request as written.
public struct RejectedCommand: Hashable, Sendable {
    public var by: Role
    /// The rule ids as the device wrote them (not necessarily ids this version knows).
    public var rules: [String]
    /// The refused request, kept as written.
    public var request: JSONValue

    public init(by: Role, rules: [String], request: JSONValue) {
        self.by = by
        self.rules = rules
        self.request = request
    }
}
