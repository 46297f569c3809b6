import RecordingFormat
import StimSafety

extension Attention {
    /// A `rejected` event (its `request` read as a command), with its reason: the re-validation's words
    /// for each rule the device gave (judged on `program`, the slot's program as the recording last set
    /// it, with `limits` and the `impedances` measured last), or, without rules, what the refusal implies.
    mutating func refused(
        _ command: RejectedCommand, request: RefusedRequest?, slot: Int?, program: StimProgram?, line: Int,
        time: Timestamp, limits: DeviceLimits, impedances: MeasuredImpedances
    ) {
        let shape =
            switch request {
            case .write: "write"
            case .activate: "activate"
            case .therapy(let isOn): isOn ? "therapy on" : "therapy off"
            case .amplitude: "amplitude"
            case nil: "request"
            }
        note(
            .refusal, what: command.by.rawValue, detail: shape, named: command.rules, slot: slot, isError: false,
            rules: command.rules, line: line, time: time
        ) {
            let what: String
            // The program the refusal is judged on: the one written, or the slot's at the refused amplitude.
            var judged: StimProgram?
            switch request {
            case .write(_, let written, _):
                what = "program write (\(written.amplitude), \(written.pulseWidth), \(written.rate))"
                judged = written
            case .activate: what = "activation"
            case .therapy(let isOn): what = isOn ? "therapy on" : "therapy off"
            case .amplitude(_, let amplitude):
                what = "amplitude \(amplitude)"
                judged = program
                judged?.amplitude = amplitude
            case nil: what = "a request this version cannot read"
            }
            // The context is made only for a new item's reason, not for each repeat.
            let context = slot.flatMap(Slot.init(number:)).map {
                ValidationContext(impedances: impedances, runningAmplitude: nil, slot: $0)
            }
            let findings = judged.map { limits.validate($0, context: context ?? ValidationContext()).findings }
            let target = slot.map { " of slot \($0)" } ?? ""
            return "\(what)\(target) by the \(command.by.rawValue), refused: "
                + Self.reason(command, slot: slot, holdsProgram: program != nil, findings: findings)
        }
    }

    /// Why the device refused `command`: the findings' words for the rules it gave, else what a refusal
    /// without rules means.
    private static func reason(_ command: RejectedCommand, slot: Int?, holdsProgram: Bool, findings: [Finding]?)
        -> String
    {
        guard command.rules.isEmpty else {
            var seen = Set<String>()
            return command.rules.filter { seen.insert($0).inserted }.map { rule in
                findings?.first(where: { $0.rule.name == rule }).map { "\(rule): \($0.message)" } ?? rule
            }.joined(separator: "; ")
        }
        if let slot = command.remoteActivation {
            return holdsProgram
                ? "slot \(slot) is disabled for the patient's remote" : "slot \(slot) holds no program"
        }
        return "the device gave no rule"
    }

    /// The lowest battery level recorded, when it is at or below ``lowBatteryPercent``.
    mutating func battery(lowest percent: Percent, line: Int, time: Timestamp) {
        guard percent <= Percent(units: Int64(Self.lowBatteryPercent)) else { return }
        let isEmpty = percent.rawValue <= 0
        note(.battery, what: "", isError: isEmpty, rules: [], line: line, time: time) {
            isEmpty
                ? "battery empty (\(percent))"
                : "battery low: \(percent) at its lowest (low at \(Self.lowBatteryPercent) % or less)"
        }
    }
}
