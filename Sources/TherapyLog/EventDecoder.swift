import RecordingFormat
import StimSafety

/// Reads the fields of one event line (`recording-format.md` §1) into a ``RecordingEvent``.
///
/// Required: `t` and `type`, and every field the type's row lists, except a fault's `detail`.
/// Unknown fields are ignored; an unknown `type` is a finding of its own kind. Two keys of an
/// impedance map naming the same contact (`"1"` and `"01"`) are a `wrong-type` finding: the
/// measurement would otherwise depend on which one a parser happened to read last.
enum EventDecoder {
    static func decode(_ fields: ObjectFields) -> DecodedLine {
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
    enum Kind: String, CaseIterable {
        case program, activate, therapy, amplitude, impedance, battery, charge, rejected, fault, end
    }

    private static func event(_ type: Kind, _ fields: ObjectFields) throws(LineProblem) -> RecordingEvent {
        switch type {
        case .program:
            return .program(
                slot: try fields.slot(.slot),
                program: try ProgramFields.decode(try fields.object(.program)),
                by: try fields.choice(.by, EventOrigin.self))
        case .activate:
            return .activate(slot: try fields.slot(.slot), by: try fields.choice(.by, EventOrigin.self))
        case .therapy:
            return .therapy(isOn: try fields.bool(.on), by: try fields.choice(.by, EventOrigin.self))
        case .amplitude:
            return .amplitude(
                slot: try fields.slot(.slot), amplitude: try fields.quantity(.amplitude, Nanoamps.self),
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

    private static func impedances(_ ohms: ObjectFields) throws(LineProblem) -> ImpedanceMeasurement {
        let read = try ohms.contacts(Milliohms.self, allowNegative: false)
        return ImpedanceMeasurement(Dictionary(uniqueKeysWithValues: read.lazy.map { ($0.contact, $0.value) }))
    }

    private static func rejected(_ fields: ObjectFields) throws(LineProblem) -> RejectedCommand {
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
