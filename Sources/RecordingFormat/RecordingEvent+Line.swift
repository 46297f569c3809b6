import StimSafety

extension RecordingEvent {
    /// The event as its line of a recording (`recording-format.md` §1), stamped `time`, without the
    /// line feed.
    public func recordingLine(at time: Timestamp) -> String {
        var line = JSONTextWriter(pretty: false)
        line.object { line in
            line.member("t", time.rfc3339)
            line.member("type", typeName)
            writeMembers(to: &line)
        }
        return line.text
    }

    /// The members after `t` and `type`, in the writer's order (which `WrittenLayout` reads).
    private func writeMembers(to line: inout JSONTextWriter) {
        switch self {
        case .program(let slot, let program, let by):
            line.member("slot", slot.number)
            line.member("by", by.rawValue)
            line.object("program", program.writeRecordingMembers)
        case .activate(let slot, let by):
            line.member("slot", slot.number)
            line.member("by", by.rawValue)
        case .therapy(let isOn, let by):
            line.member("on", isOn)
            line.member("by", by.rawValue)
        case .amplitude(let slot, let amplitude, let by):
            line.member("slot", slot.number)
            line.member("amplitude", number: amplitude.decimalText)
            line.member("by", by.rawValue)
        case .impedance(let measured):
            line.object("ohms") { ohms in
                for entry in measured { ohms.member(entry.contact.description, number: entry.ohms.decimalText) }
            }
        case .battery(let percent):
            line.member("percent", number: percent.decimalText)
        case .charge(let state):
            line.member("state", state.rawValue)
        case .rejected(let command):
            line.member("by", command.by.rawValue)
            line.member("rules", strings: command.rules)
            line.key("request")
            line.value(command.request)
        case .fault(let code, let detail):
            line.member("code", code)
            if let detail { line.member("detail", detail) }
        case .end:
            break
        }
    }
}
