import DeviceProfiles
import Foundation
import StimSafety

/// One case of a ``CheckPlan``, read and ready to run.
///
/// `programFile` (a path relative to the plan) may stand for `program`; `impedance` is a map of
/// contact to ohms; `slot` checks a slot group's limits. `expect.rules`, when given, is the exact set
/// of rule ids that must fire; omitted, only the verdict is compared.
package struct CheckCase {
    var profile: DeviceProfile
    var program: StimProgram
    var context: ValidationContext
    var expectedVerdict: Verdict
    var expectedRules: [RuleID]?

    /// The fields a case may have.
    static let fields = ["name", "device", "program", "programFile", "impedance", "slot", "expect"]
    /// The fields of `expect`.
    static let expectFields = ["verdict", "rules"]

    /// How reports name the case at `field`, even one that cannot be read: its `name` and `device` as
    /// written, else its place in the plan (`cases[2]`) and `-`.
    static func label(of field: YAMLField) -> (name: String, device: String) {
        let name = (try? field.child("name").text()) ?? field.path
        return (name, (try? field.child("device").text()) ?? "-")
    }

    /// Reads the case at `field` for one of `profiles`; `directory` is the plan's folder.
    ///
    /// - Throws: ``InputError`` naming the file, the field and its line and column.
    package static func read(_ field: YAMLField, profiles: [DeviceProfile], directory: String)
        throws(InputError) -> CheckCase
    {
        let fields = try field.mapping(allowing: Self.fields)
        _ = try fields.required("name").text()
        let deviceField = try fields.required("device")
        let id = try deviceField.text()
        guard let profile = profiles.first(where: { $0.id == id }) else {
            throw deviceField.error("unknown device '\(id)' (known: \(profiles.map(\.id).joined(separator: ", ")))")
        }
        var context = ValidationContext()
        if let slot = fields.optional("slot") {
            let number = try slot.integer()
            guard let chosen = Slot(number: number), number <= profile.programs else {
                throw slot.error("\(profile.id) has slots 1…\(profile.programs) (got \(number))")
            }
            context.slot = chosen
        }
        if let impedance = fields.optional("impedance") {
            context.impedances = try ImpedanceDecoder.decode(impedance, limits: profile.limits)
        }
        let expect = try fields.required("expect").mapping(allowing: expectFields)
        return CheckCase(
            profile: profile, program: try program(fields, limits: profile.limits, directory: directory),
            context: context, expectedVerdict: try expect.required("verdict").choice(Verdict.self),
            expectedRules: try rules(expect.optional("rules")))
    }

    private static func program(
        _ field: YAMLField, limits: DeviceLimits, directory: String
    ) throws(InputError) -> StimProgram {
        switch (field.optional("program"), field.optional("programFile")) {
        case (let program?, nil): return try ProgramDecoder.decode(program, limits: limits)
        case (nil, let fileField?):
            // The program file's own error, located in it, is prefixed with the plan's line that names it.
            let path = try fileField.text()
            do throws(InputError) {
                let file = try YAMLField.read(file: CheckPlan.path(ofProgramFile: path, in: directory))
                return try ProgramDecoder.decode(file, limits: limits)
            } catch {
                throw fileField.error(error.description)
            }
        default: throw field.child("program").error("give exactly one of program or programFile")
        }
    }

    /// `expect.rules`: nil when absent (only the verdict is compared), else the exact set expected.
    private static func rules(_ field: YAMLField?) throws(InputError) -> [RuleID]? {
        guard let field else { return nil }
        var rules: [RuleID] = []
        for element in try field.list() {
            let id = try element.text()
            guard let rule = RuleID(name: id) else { throw element.error("'\(id)' is not a rule id") }
            rules.append(rule)
        }
        return RuleSet(rules).rules
    }
}

extension Verdict: CaseIterable {
    public static var allCases: [Verdict] { [.accepted, .acceptedWithWarnings, .rejected] }
}
