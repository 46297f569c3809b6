import Testing

@testable import StimSafety

/// One row of a boundary table: a program, the rule looked at, and the highest severity that rule must
/// reach (nil: it must stay silent). Other rules may fire; each table looks at its own rule only.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var label: String
    var device: DeviceLimits = .tonic16
    var program: StimProgram
    var context = ValidationContext()
    var rule: RuleID
    var expected: Severity?
    /// The contacts the rule must name, when it names contacts; nil skips the check.
    var contacts: [ContactID]?

    var testDescription: String {
        "\(label) → \(rule.name) \(expected.map(\.rawValue) ?? "silent")"
    }

    init(
        _ label: String, device: DeviceLimits = .tonic16, _ program: StimProgram,
        context: ValidationContext = ValidationContext(), _ rule: RuleID, _ expected: Severity?,
        contacts: [ContactID]? = nil
    ) {
        self.label = label
        self.device = device
        self.program = program
        self.context = context
        self.rule = rule
        self.expected = expected
        self.contacts = contacts
    }

    /// Checks the row against the full entry point, and the fast entry point against the full one.
    func verify(sourceLocation: SourceLocation = #_sourceLocation) {
        let validation = device.validate(program, context: context)
        let findings = validation.findings(for: rule)
        #expect(
            findings.map(\.severity).max() == expected, "\(validation.outline)", sourceLocation: sourceLocation)
        if let contacts {
            #expect(findings.compactMap(\.contact) == contacts, sourceLocation: sourceLocation)
        }
        #expect(
            device.maySend(program, context: context) == validation.maySend(acknowledging: context.acknowledged),
            sourceLocation: sourceLocation)
    }
}
