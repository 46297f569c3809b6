import StimSafety

extension RecordingEvent {
    /// The event as its line of a recording (`recording-format.md` §1), stamped `time`, without the
    /// line feed.
    public func recordingLine(at time: Timestamp) -> String {
        var line = JSONObjectWriter()
        line.string("t", time.rfc3339)
        line.string("type", typeName)
        switch self {
        case .program(let slot, let program, let by):
            line.integer("slot", slot.number)
            line.string("by", by.rawValue)
            line.raw("program", program.recordingJSON)
        case .activate(let slot, let by):
            line.integer("slot", slot.number)
            line.string("by", by.rawValue)
        case .therapy(let isOn, let by):
            line.bool("on", isOn)
            line.string("by", by.rawValue)
        case .amplitude(let slot, let amplitude, let by):
            line.integer("slot", slot.number)
            line.decimal("amplitude", amplitude)
            line.string("by", by.rawValue)
        case .impedance(let measured):
            var ohms = JSONObjectWriter()
            for entry in measured { ohms.decimal(entry.contact.description, entry.ohms) }
            line.raw("ohms", ohms.finish())
        case .battery(let percent):
            line.decimal("percent", percent)
        case .charge(let state):
            line.string("state", state.rawValue)
        case .rejected(let command):
            line.string("by", command.by.rawValue)
            line.raw("rules", JSONObjectWriter.stringArray(command.rules))
            line.raw("request", command.request.jsonText)
        case .fault(let code, let detail):
            line.string("code", code)
            if let detail { line.string("detail", detail) }
        case .end:
            break
        }
        return line.finish()
    }
}

extension JSONValue {
    /// The value as JSON text, object members sorted by name.
    var jsonText: String {
        switch self {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let text): text
        case .string(let text): JSONObjectWriter.quoted(text)
        case .array(let elements): "[" + elements.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members):
            "{"
                + members.keys.sorted().map { JSONObjectWriter.quoted($0) + ":" + (members[$0] ?? .null).jsonText }
                .joined(separator: ",") + "}"
        }
    }
}
