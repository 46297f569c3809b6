import StimSafety

extension RecordingEvent {
    /// The event as its line of a recording (`recording-format.md` §1), stamped `time`, without the
    /// line feed.
    public func recordingLine(at time: Timestamp) -> String {
        var line = JSONTextWriter(pretty: false)
        line.object { line in
            line.key("t")
            line.string(time.rfc3339)
            line.key("type")
            line.string(typeName)
            writeMembers(to: &line)
        }
        return line.text
    }

    /// The members after `t` and `type`, in the writer's order (which `WrittenLayout` reads).
    private func writeMembers(to line: inout JSONTextWriter) {
        switch self {
        case .program(let slot, let program, let by):
            line.key("slot")
            line.integer(slot.number)
            line.key("by")
            line.string(by.rawValue)
            line.key("program")
            program.writeRecording(to: &line)
        case .activate(let slot, let by):
            line.key("slot")
            line.integer(slot.number)
            line.key("by")
            line.string(by.rawValue)
        case .therapy(let isOn, let by):
            line.key("on")
            line.bool(isOn)
            line.key("by")
            line.string(by.rawValue)
        case .amplitude(let slot, let amplitude, let by):
            line.key("slot")
            line.integer(slot.number)
            line.key("amplitude")
            line.number(amplitude.decimalText)
            line.key("by")
            line.string(by.rawValue)
        case .impedance(let measured):
            line.key("ohms")
            line.object { ohms in
                for entry in measured {
                    ohms.key(entry.contact.description)
                    ohms.number(entry.ohms.decimalText)
                }
            }
        case .battery(let percent):
            line.key("percent")
            line.number(percent.decimalText)
        case .charge(let state):
            line.key("state")
            line.string(state.rawValue)
        case .rejected(let command):
            line.key("by")
            line.string(command.by.rawValue)
            line.key("rules")
            line.strings(command.rules)
            line.key("request")
            line.value(command.request)
        case .fault(let code, let detail):
            line.key("code")
            line.string(code)
            if let detail {
                line.key("detail")
                line.string(detail)
            }
        case .end:
            break
        }
    }
}
