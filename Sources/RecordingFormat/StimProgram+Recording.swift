import StimSafety

extension StimProgram {
    /// Writes the members of the program's `program` object in a recording (`recording-format.md` §1):
    /// the field names and units of `safety-rules.md` §1, optional fields only when set, contacts in
    /// written order.
    public func writeRecordingMembers(to object: inout JSONTextWriter) {
        for (name, value) in recordingMembers {
            switch value {
            case .number(let text): object.member(name, number: text)
            case .string(let text): object.member(name, text)
            case .numbers(let members):
                object.object(name) { nested in
                    for (key, text) in members { nested.member(key, number: text) }
                }
            }
        }
    }

    /// The program as the value of a `program` member, for a request kept in a `rejected` event: the
    /// members of ``writeRecordingMembers(to:)``, whose order a JSON object does not keep.
    public var recordingValue: JSONValue {
        func value(_ member: RecordingMember) -> JSONValue {
            switch member {
            case .number(let text): .number(text)
            case .string(let text): .string(text)
            case .numbers(let members): .object(Dictionary(members.map { ($0, .number($1)) }) { first, _ in first })
            }
        }
        return .object(Dictionary(recordingMembers.map { ($0, value($1)) }) { first, _ in first })
    }

    /// A member's value in a program's recording object.
    private enum RecordingMember {
        /// A number, as its exact decimal text.
        case number(String)
        case string(String)
        /// An object of numbers, its members in written order (the contact map, cycling, patient range).
        case numbers([(String, String)])
    }

    /// The one list of a program's recording members, in the order they are written, that both
    /// ``writeRecordingMembers(to:)`` and ``recordingValue`` are made from.
    private var recordingMembers: [(String, RecordingMember)] {
        var members: [(String, RecordingMember)] = [
            ("amplitude", .number(amplitude.decimalText)), ("pulseWidth", .number(pulseWidth.decimalText)),
        ]
        switch rate {
        case .frequency(let frequency): members.append(("frequency", .number(frequency.decimalText)))
        case .period(let period): members.append(("period", .number(period.decimalText)))
        }
        members.append(("waveform", .string(waveform.rawValue)))
        if let pulsesPerBurst { members.append(("pulsesPerBurst", .number(String(pulsesPerBurst)))) }
        if let intraBurstRate { members.append(("intraBurstRate", .number(intraBurstRate.decimalText))) }
        members.append(("contacts", .numbers(contacts.map { ($0.contact.description, $0.percent.decimalText) })))
        members.append(("recovery", .string(recovery.rawValue)))
        if let interphaseGap { members.append(("interphaseGap", .number(interphaseGap.decimalText))) }
        if let cycling {
            members.append(("cycling", .numbers([("on", cycling.on.decimalText), ("off", cycling.off.decimalText)])))
        }
        if let patientRange {
            members.append(
                (
                    "patientRange",
                    .numbers([("min", patientRange.min.decimalText), ("max", patientRange.max.decimalText)])
                ))
        }
        return members
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
