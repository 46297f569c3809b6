import StimSafety

extension StimProgram {
    /// The program as the `program` object of a recording (`recording-format.md` §1): the field names
    /// and units of `safety-rules.md` §1, optional fields only when set, contacts in written order.
    public var recordingJSON: String {
        var object = JSONObjectWriter()
        object.decimal("amplitude", amplitude)
        object.decimal("pulseWidth", pulseWidth)
        switch rate {
        case .frequency(let frequency): object.decimal("frequency", frequency)
        case .period(let period): object.decimal("period", period)
        }
        object.string("waveform", waveform.rawValue)
        if let pulsesPerBurst { object.integer("pulsesPerBurst", pulsesPerBurst) }
        if let intraBurstRate { object.decimal("intraBurstRate", intraBurstRate) }
        var contactMap = JSONObjectWriter()
        for share in contacts {
            contactMap.decimal(share.contact.description, share.percent)
        }
        object.raw("contacts", contactMap.finish())
        object.string("recovery", recovery.rawValue)
        if let interphaseGap { object.decimal("interphaseGap", interphaseGap) }
        if let cycling {
            var times = JSONObjectWriter()
            times.decimal("on", cycling.on)
            times.decimal("off", cycling.off)
            object.raw("cycling", times.finish())
        }
        if let patientRange {
            var range = JSONObjectWriter()
            range.decimal("min", patientRange.min)
            range.decimal("max", patientRange.max)
            object.raw("patientRange", range.finish())
        }
        return object.finish()
    }

    /// The program as the value of a `program` member, for a request kept in a `rejected` event: the
    /// members of ``recordingJSON``, whose order a JSON object does not keep.
    public var recordingValue: JSONValue {
        var members: [String: JSONValue] = [
            "amplitude": .number(amplitude.decimalText), "pulseWidth": .number(pulseWidth.decimalText),
            "waveform": .string(waveform.rawValue), "recovery": .string(recovery.rawValue),
            "contacts": .object(
                Dictionary(contacts.map { ($0.contact.description, .number($0.percent.decimalText)) }) { first, _ in
                    first
                }),
        ]
        switch rate {
        case .frequency(let frequency): members["frequency"] = .number(frequency.decimalText)
        case .period(let period): members["period"] = .number(period.decimalText)
        }
        if let pulsesPerBurst { members["pulsesPerBurst"] = .number(String(pulsesPerBurst)) }
        if let intraBurstRate { members["intraBurstRate"] = .number(intraBurstRate.decimalText) }
        if let interphaseGap { members["interphaseGap"] = .number(interphaseGap.decimalText) }
        if let cycling {
            members["cycling"] = .object([
                "on": .number(cycling.on.decimalText), "off": .number(cycling.off.decimalText),
            ])
        }
        if let patientRange {
            members["patientRange"] = .object([
                "min": .number(patientRange.min.decimalText), "max": .number(patientRange.max.decimalText),
            ])
        }
        return .object(members)
    }

    /// Whether some contact is listed twice, which a JSON contact map cannot express.
    public var listsAContactTwice: Bool {
        Set(contacts.map(\.contact)).count != contacts.count
    }

    /// Whether a recording can hold the program (`recording-format.md` §1): no quantity negative, a
    /// rate and a pulse count above 0, each contact once, and no percent of −2⁶³ sub-units (whose
    /// magnitude no reader takes). The safety rules do not judge every field (an interphase gap, a
    /// tonic program's burst fields), so a device checks this before it applies and logs a program.
    public var hasRecordingForm: Bool {
        let quantities = [
            amplitude.rawValue, pulseWidth.rawValue, intraBurstRate?.rawValue ?? 0, interphaseGap?.rawValue ?? 0,
            cycling?.on.rawValue ?? 0, cycling?.off.rawValue ?? 0, patientRange?.min.rawValue ?? 0,
            patientRange?.max.rawValue ?? 0,
        ]
        let rateValue =
            switch rate {
            case .frequency(let frequency): frequency.rawValue
            case .period(let period): period.rawValue
            }
        return quantities.allSatisfy { $0 >= 0 } && rateValue > 0 && (pulsesPerBurst ?? 1) > 0
            && !listsAContactTwice && contacts.allSatisfy { $0.percent.rawValue != .min }
    }
}
