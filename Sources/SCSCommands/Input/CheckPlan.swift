import Foundation
import StimSafety
import Yams

/// A `scs check` plan: cases, each a program on a device with the verdict and rule ids expected.
///
/// ```yaml
/// cases:
///   - name: bipolar 5 mA at 300 µs is accepted
///     device: tonic-16
///     program: {amplitude: 5, pulseWidth: 300, frequency: 50, contacts: {"1": -100, "2": 100}}
///     impedance: {"1": 1000}        # optional, contact → Ω
///     expect: {verdict: accepted, rules: []}
/// ```
/// `programFile` (a path relative to the plan) may stand for `program`. `expect.rules`, when given, is
/// the exact set of rule ids that must fire; omitted, only the verdict is compared.
package struct CheckPlan {
    struct Case {
        var name: String
        var device: String
        var program: StimProgram
        /// Contact → ohms, checked against the device once it is known.
        var impedance: YAMLField?
        /// The program slot, when the case checks a slot group's limits.
        var slot: Int?
        var expectedVerdict: Verdict
        var expectedRules: [RuleID]?
    }

    var cases: [Case]

    /// Reads the whole plan; any malformed case is an error naming its field, before anything runs.
    package static func read(file: String) throws(InputError) -> CheckPlan {
        let root = try YAMLField.read(file: file)
        try root.rejectUnknownKeys(["cases"])
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent().path
        var cases: [Case] = []
        for field in try root.child("cases").elements() {
            cases.append(try readCase(field, directory: directory))
        }
        guard !cases.isEmpty else { throw root.child("cases").error("the plan has no cases") }
        return CheckPlan(cases: cases)
    }

    private static func readCase(_ field: YAMLField, directory: String) throws(InputError) -> Case {
        try field.rejectUnknownKeys(["name", "device", "program", "programFile", "impedance", "slot", "expect"])
        let program: StimProgram
        switch (field.child("program").isPresent, field.child("programFile").isPresent) {
        case (true, false): program = try ProgramDecoder.decode(field.child("program"))
        case (false, true):
            let path = try field.child("programFile").text()
            program = try ProgramDecoder.decode(
                try YAMLField.read(file: path.hasPrefix("/") ? path : "\(directory)/\(path)"))
        default: throw field.child("program").error("give exactly one of program or programFile")
        }
        let expect = field.child("expect")
        try expect.rejectUnknownKeys(["verdict", "rules"])
        var rules: [RuleID]?
        if expect.child("rules").isPresent || expect.child("rules").node?.sequence != nil {
            rules = []
            for element in try expect.child("rules").elements() {
                let id = try element.text()
                guard let rule = RuleID(name: id) else { throw element.error("'\(id)' is not a rule id") }
                rules?.append(rule)
            }
        }
        return Case(
            name: try field.child("name").text(), device: try field.child("device").text(), program: program,
            impedance: field.child("impedance").isPresent ? field.child("impedance") : nil,
            slot: field.child("slot").isPresent ? try field.child("slot").integer() : nil,
            expectedVerdict: try expect.child("verdict").choice(Verdict.self),
            expectedRules: rules.map { RuleSet($0).rules })
    }
}

extension Verdict: CaseIterable {
    public static var allCases: [Verdict] { [.accepted, .acceptedWithWarnings, .rejected] }
}
