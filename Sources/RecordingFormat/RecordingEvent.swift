import StimSafety

/// One event of a recording (`recording-format.md` §1), without its time and line.
public enum RecordingEvent: Hashable, Sendable {
    /// A program slot was written; the slot's running amplitude becomes the program's amplitude.
    /// (Boxed: a program is large, and every other event is copied the smaller for it.)
    indirect case program(slot: Slot, program: StimProgram, by: EventOrigin)
    /// The slot became the active program.
    case activate(slot: Slot, by: EventOrigin)
    /// Stimulation was switched on or off.
    case therapy(isOn: Bool, by: EventOrigin)
    /// The amplitude of a slot changed without rewriting its program.
    case amplitude(slot: Slot, amplitude: Nanoamps, by: EventOrigin)
    /// An impedance measurement, per contact (the case included where it was measured).
    case impedance(ImpedanceMeasurement)
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
