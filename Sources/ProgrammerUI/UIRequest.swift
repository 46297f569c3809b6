import DeviceProfiles
import SCSCommands
import StimSafety

/// One message of the page, read from its JSON text by the package's YAML/JSON field reader, with
/// errors that name the field (`message: program.amplitude: must be a decimal number`).
enum UIRequest: Equatable {
    /// Validate a program (for `slot`, with the warnings acknowledged) and send nothing; the page holds
    /// the envelope of version `knownEnvelope`.
    case check(StimProgram, slot: Slot?, acknowledged: RuleSet, knownEnvelope: Int?)
    /// Validate, write and read back a program.
    case write(StimProgram, slot: Slot, acknowledged: RuleSet)
    case activate(Slot)
    case therapy(on: Bool)
    /// Set the running program's amplitude (an increase ramps).
    case adjust(Nanoamps)
    case measureImpedance
    case readState
    /// Switch the in-process simulator to another profile.
    case selectDevice(String)
    /// Reopen the session as a clinician or as a patient.
    case role(patient: Bool)
    /// Replay a recording into the connected stimulator.
    case replay(path: String)

    /// The name errors give the message.
    static let source = "message"
    static let types = [
        "check", "write", "activate", "therapy", "adjust", "impedance", "state", "device", "role", "replay",
    ]

    /// Reads `text` for a device with `profile`; `id` is echoed back by the answer.
    static func parse(_ text: String, profile: DeviceProfile) throws(InputError) -> (request: UIRequest, id: Int?) {
        let root = try YAMLField.parse(text, file: source)
        let fields = try root.mapping(allowing: [
            "type", "id", "program", "slot", "acknowledge", "envelope", "on", "amplitude", "device", "role", "path",
        ])
        let id = try fields.optional("id")?.integer()
        let type = try fields.required("type").text()
        let request: UIRequest
        switch type {
        case "check":
            request = .check(
                try ProgramDecoder.decode(fields.required("program"), limits: profile.limits),
                slot: try fields.optional("slot").map { field throws(InputError) in try slot(field, profile) },
                acknowledged: try acknowledged(fields), knownEnvelope: try fields.optional("envelope")?.integer())
        case "write":
            request = .write(
                try ProgramDecoder.decode(fields.required("program"), limits: profile.limits),
                slot: try slot(fields.required("slot"), profile), acknowledged: try acknowledged(fields))
        case "activate": request = .activate(try slot(fields.required("slot"), profile))
        case "therapy": request = .therapy(on: try fields.required("on").boolean())
        case "adjust": request = .adjust(try fields.required("amplitude").quantity(Nanoamps.self))
        case "impedance": request = .measureImpedance
        case "state": request = .readState
        case "device": request = .selectDevice(try fields.required("device").text())
        case "role":
            let role = try fields.required("role")
            switch try role.text() {
            case "clinician": request = .role(patient: false)
            case "patient": request = .role(patient: true)
            case let other: throw role.error("'\(other)' is not one of: clinician, patient")
            }
        case "replay": request = .replay(path: try fields.required("path").text())
        default:
            throw fields.child("type").error("'\(type)' is not one of: \(types.joined(separator: ", "))")
        }
        return (request, id)
    }

    private static func slot(_ field: YAMLField, _ profile: DeviceProfile) throws(InputError) -> Slot {
        let number = try field.integer(.positive)
        guard number <= profile.programs, let slot = Slot(number: number) else {
            throw field.error("\(profile.id) has slots 1…\(profile.programs) (got \(number))")
        }
        return slot
    }

    private static func acknowledged(_ fields: YAMLField) throws(InputError) -> RuleSet {
        guard let list = fields.optional("acknowledge") else { return [] }
        var rules: [RuleID] = []
        for item in try list.list() {
            let name = try item.text()
            guard let rule = RuleID(name: name) else { throw item.error("'\(name)' is not a rule id") }
            rules.append(rule)
        }
        return RuleSet(rules)
    }
}
