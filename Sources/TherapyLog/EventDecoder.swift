import RecordingFormat
import StimSafety

/// Reads the fields of one event line (`recording-format.md` §1) into a ``RecordingEvent``.
///
/// Required: `t` and `type`, and every field the type's row lists, except a fault's `detail`.
/// Unknown fields are ignored; an unknown `type` is a finding of its own kind. Two keys of an
/// impedance map naming the same contact (`"1"` and `"01"`) are a `wrong-type` finding: the
/// measurement would otherwise depend on which one a parser happened to read last.
enum EventDecoder {
    static func decode(_ fields: some LineFields) -> DecodedLine {
        do throws(LineProblem) {
            let kind = try fields.choice(.type, Kind.self) { type in
                LineProblem(
                    .unknownType, type == "header" ? "a header is only valid on line 1" : "unknown event type '\(type)'"
                )
            }
            let time = try fields.timestamp(.t)
            return .event(time: time, event: try event(kind, fields))
        } catch {
            return .problem(error.kind, error.message)
        }
    }

    /// The event types of format version 1.
    enum Kind: String, SchemaChoice {
        case program, activate, therapy, amplitude, impedance, battery, charge, rejected, fault, end

        static let packedSpellings = packedTable()

        /// The packed raw values (a test checks them against ``packedSpellings``).
        @inline(__always)
        static func matching(_ text: PackedText) -> Kind? {
            switch (text.low, text.high) {
            case (0x6D_6172_676F_7270, 0x0): .program
            case (0x6574_6176_6974_6361, 0x0): .activate
            case (0x79_7061_7265_6874, 0x0): .therapy
            case (0x6475_7469_6C70_6D61, 0x65): .amplitude
            case (0x636E_6164_6570_6D69, 0x65): .impedance
            case (0x79_7265_7474_6162, 0x0): .battery
            case (0x6567_7261_6863, 0x0): .charge
            case (0x6465_7463_656A_6572, 0x0): .rejected
            case (0x74_6C75_6166, 0x0): .fault
            case (0x64_6E65, 0x0): .end
            default: nil
            }
        }
    }

    private static func event(_ type: Kind, _ fields: some LineFields) throws(LineProblem) -> RecordingEvent {
        switch type {
        case .program:
            return .program(
                slot: try fields.positiveInteger(.slot),
                program: try ProgramFields.decode(try fields.object(.program)),
                by: try fields.choice(.by, EventOrigin.self))
        case .activate:
            return .activate(slot: try fields.positiveInteger(.slot), by: try fields.choice(.by, EventOrigin.self))
        case .therapy:
            return .therapy(isOn: try fields.bool(.on), by: try fields.choice(.by, EventOrigin.self))
        case .amplitude:
            return .amplitude(
                slot: try fields.positiveInteger(.slot), amplitude: try fields.quantity(.amplitude, Nanoamps.self),
                by: try fields.choice(.by, EventOrigin.self))
        case .impedance: return .impedance(try impedances(try fields.object(.ohms)))
        case .battery: return .battery(try fields.quantity(.percent, Percent.self))
        case .charge: return .charge(try fields.choice(.state, ChargeState.self))
        case .rejected: return .rejected(try rejected(fields))
        case .fault:
            return .fault(
                code: try fields.string(.code), detail: fields.has(.detail) ? try fields.string(.detail) : nil)
        case .end: return .end
        }
    }

    private static func impedances(_ ohms: some LineFields) throws(LineProblem) -> ImpedanceMeasurement {
        let read = try ohms.contacts(Milliohms.self, allowNegative: false)
        var measured: [ContactID: Milliohms] = [:]
        measured.reserveCapacity(read.count)
        for (contact, value) in read {
            guard measured.updateValue(value, forKey: contact) == nil else {
                throw ContactID.repeated(contact, in: ohms)
            }
        }
        return ImpedanceMeasurement(measured)
    }

    private static func rejected(_ fields: some LineFields) throws(LineProblem) -> RejectedCommand {
        let by = try fields.choice(.by, EventOrigin.self)
        let list = try fields.value(.rules)
        guard case .array(let elements) = list else {
            throw fields.wrongType(SchemaKey.rules, "an array of rule ids", list.typeName)
        }
        var rules: [String] = []
        for element in elements {
            guard case .string(let rule) = element else {
                throw fields.wrongType(SchemaKey.rules, "an array of rule ids (strings)", element.typeName)
            }
            rules.append(rule)
        }
        let request = try fields.value(.request)
        guard case .object = request else { throw fields.wrongType(SchemaKey.request, "an object", request.typeName) }
        return RejectedCommand(by: by, rules: rules, request: request)
    }
}

extension ContactID {
    /// The problem of two keys of the map `fields` that both name `contact`.
    static func repeated(_ contact: ContactID, in fields: some LineFields) -> LineProblem {
        let spellings = fields.keys().filter { ContactID(key: $0) == contact }.sorted().map { "'\($0)'" }
        return LineProblem(
            .wrongType,
            "field '\(fields.path)': contact \(contact) is given more than once (as "
                + spellings.joined(separator: " and ") + ")")
    }
}
