import StimSafety

extension RecordingEvent {
    /// The event as its line of a recording (`recording-format.md` §1), stamped `time`, without the
    /// line feed.
    public func recordingLine(at time: Timestamp) -> String {
        var line = JSONText()
        line.string("t", time.rfc3339)
        line.string("type", typeName)
        switch self {
        case .program(let slot, let program, let by):
            line.integer("slot", slot)
            line.string("by", by.rawValue)
            line.raw("program", program.recordingJSON)
        case .activate(let slot, let by):
            line.integer("slot", slot)
            line.string("by", by.rawValue)
        case .therapy(let isOn, let by):
            line.bool("on", isOn)
            line.string("by", by.rawValue)
        case .amplitude(let slot, let amplitude, let by):
            line.integer("slot", slot)
            line.decimal("amplitude", amplitude)
            line.string("by", by.rawValue)
        case .impedance(let measured):
            var ohms = JSONText()
            for contact in measured.keys.sorted() {
                if let value = measured[contact] { ohms.decimal(contact.description, value) }
            }
            line.raw("ohms", ohms.finish())
        case .battery(let percent):
            line.decimal("percent", percent)
        case .charge(let state):
            line.string("state", state.rawValue)
        case .rejected(let command):
            line.string("by", command.by.rawValue)
            line.raw("rules", "[" + command.rules.map(JSONText.quoted).joined(separator: ",") + "]")
            line.raw("request", JSONText.encode(command.request))
        case .fault(let code, let detail):
            line.string("code", code)
            if let detail { line.string("detail", detail) }
        case .end:
            break
        }
        return line.finish()
    }
}

extension StimProgram {
    /// The program as the `program` object of a recording: the field names and units of
    /// `safety-rules.md` §1, optional fields only when set.
    var recordingJSON: String {
        var object = JSONText()
        object.decimal("amplitude", amplitude)
        object.decimal("pulseWidth", pulseWidth)
        switch rate {
        case .frequency(let frequency): object.decimal("frequency", frequency)
        case .period(let period): object.decimal("period", period)
        }
        object.string("waveform", waveform.rawValue)
        if let pulsesPerBurst { object.integer("pulsesPerBurst", pulsesPerBurst) }
        if let intraBurstRate { object.decimal("intraBurstRate", intraBurstRate) }
        var contactMap = JSONText()
        for share in contacts { contactMap.decimal(share.contact.description, share.percent) }
        object.raw("contacts", contactMap.finish())
        object.string("recovery", recovery.rawValue)
        if let interphaseGap { object.decimal("interphaseGap", interphaseGap) }
        if let cycling {
            var times = JSONText()
            times.decimal("on", cycling.on)
            times.decimal("off", cycling.off)
            object.raw("cycling", times.finish())
        }
        if let patientRange {
            var range = JSONText()
            range.decimal("min", patientRange.min)
            range.decimal("max", patientRange.max)
            object.raw("patientRange", range.finish())
        }
        return object.finish()
    }
}
