import PropertyBased
import Testing

@testable import StimSafety

/// Invariants over random programs: the validator against an independent reference, monotonicity in
/// amplitude, agreement of the two entry points, independence from the contact map's order.
@Suite("Validator properties")
struct ValidatorPropertyTests {
    @Test("No program the validator lets through breaks a bound the reference recomputes")
    func acceptedProgramsKeepEveryBound() async {
        var sendable = 0
        var accepted = 0
        await propertyCheck(count: 2000, input: ProgramSample.generator) { sample in
            let validation = sample.limits.validate(sample.program, context: sample.context)
            let reference = ReferenceRules(sample.limits, sample.program, sample.context)
            if !validation.findings.contains(where: { $0.severity == .error }) {
                sendable += 1
                let broken = reference.severities.filter { $0.value == .error }.map(\.key)
                #expect(broken.isEmpty, "errors the validator missed: \(ids(broken)) in \(sample)")
            }
            if validation.verdict == .accepted {
                accepted += 1
                #expect(
                    reference.severities.isEmpty, "bounds the validator missed: \(reference.severities) in \(sample)")
            }
        }
        // The property says something only if a fair share of the samples get through.
        #expect(sendable > 200)
        #expect(accepted > 100)
    }

    @Test("The validator and the reference agree on every rule's severity, except within rounding of a bound")
    func validatorAgreesWithTheReference() async {
        var seen: Set<String> = []
        await propertyCheck(count: 3000, input: ProgramSample.generator) { sample in
            let validation = sample.limits.validate(sample.program, context: sample.context)
            let reference = ReferenceRules(sample.limits, sample.program, sample.context)
            for finding in validation.findings { seen.insert("\(finding.rule.name) \(finding.severity.rawValue)") }
            for rule in RuleID.allCases where !reference.uncertain.contains(rule) {
                #expect(
                    validation.severity(of: rule) == reference.severities[rule],
                    "\(rule.name): validator \(validation.outline) in \(sample)")
            }
        }
        // Every rule, at every severity it has, must have been compared for the agreement to mean much.
        let expected = RuleID.allCases.flatMap { rule in
            Self.severities(of: rule).map { "\(rule.name) \($0.rawValue)" }
        }
        #expect(Set(expected).subtracting(seen).isEmpty, "never reached: \(Set(expected).subtracting(seen).sorted())")
    }

    /// The severities a rule can report.
    static func severities(of rule: RuleID) -> [Severity] {
        switch rule {
        case .chargeDensity, .shannon, .compliance, .patientRangeChargeDensity, .patientRangeShannon,
            .patientRangeCompliance:
            [.warning, .error]
        case .battery, .amplitudeSlew: [.warning]
        default: [.error]
        }
    }

    @Test("Lowering the amplitude of an accepted program keeps it accepted")
    func loweringAmplitudeKeepsAcceptance() async {
        var lowered = 0
        await propertyCheck(count: 2000, input: ProgramSample.generator, Gen.int(in: 0...1_000_000)) { sample, pick in
            let limits = sample.limits
            let validation = limits.validate(sample.program, context: sample.context)
            let sendable = validation.maySend(acknowledging: sample.context.acknowledged)
            guard validation.verdict == .accepted || sendable else { return }
            let lower = limits.amplitude.values.filter { $0 <= sample.program.amplitude }
            guard !lower.isEmpty else { return }
            var program = sample.program
            program.amplitude = lower[pick % lower.count]
            if let range = program.patientRange { program.patientRange?.min = min(range.min, program.amplitude) }
            let again = limits.validate(program, context: sample.context)
            lowered += 1
            if validation.verdict == .accepted {
                #expect(again.verdict == .accepted, "\(again.outline) at \(program.amplitude) from \(sample)")
            }
            if sendable {
                #expect(
                    again.maySend(acknowledging: sample.context.acknowledged),
                    "\(again.outline) at \(program.amplitude) from \(sample)")
            }
        }
        #expect(lowered > 200)
    }

    @Test("The fast entry point and the full one always agree, for any acknowledgements")
    func fastAndFullAgree() async {
        var agreedOnYes = 0
        var agreedOnYesWithRange = 0
        await propertyCheck(count: 3000, input: ProgramSample.generator, Gen.int(in: 0...3)) { sample, mode in
            var context = sample.context
            let validation = sample.limits.validate(sample.program, context: context)
            // Half the time acknowledge exactly what warned (plus noise), so that both answers occur.
            if mode < 2 {
                let warned = RuleSet(validation.findings.filter { $0.severity == .warning }.map(\.rule))
                context.acknowledged = mode == 0 ? warned : warned.union(context.acknowledged)
            }
            let fast = sample.limits.maySend(sample.program, context: context)
            #expect(fast == validation.maySend(acknowledging: context.acknowledged), "\(sample)")
            if fast { agreedOnYes += 1 }
            if fast && sample.program.patientRange != nil { agreedOnYesWithRange += 1 }
        }
        #expect(agreedOnYes > 300)
        #expect(agreedOnYesWithRange > 50)
    }

    @Test("The rule tally names exactly the rules of the full validation's findings, by severity")
    func ruleTallyAgreesWithFindings() async {
        var withErrors = 0
        var withWarnings = 0
        await propertyCheck(count: 3000, input: ProgramSample.generator) { sample in
            let validation = sample.limits.validate(sample.program, context: sample.context)
            let fired = sample.limits.firedRules(sample.program, context: sample.context)
            let errors = RuleSet(validation.findings.filter { $0.severity == .error }.map(\.rule))
            let warnings = RuleSet(validation.findings.filter { $0.severity == .warning }.map(\.rule))
            #expect(fired.errors == errors, "\(sample)")
            #expect(fired.warnings == warnings, "\(sample)")
            #expect(fired.verdict == validation.verdict, "\(sample)")
            #expect(fired.all.rules == validation.ruleIDs, "\(sample)")
            if !errors.isEmpty { withErrors += 1 }
            if !warnings.isEmpty { withWarnings += 1 }
        }
        #expect(withErrors > 300)
        #expect(withWarnings > 100)
    }

    @Test("Acceptance, findings and metrics do not depend on the order of the contact map")
    func contactOrderDoesNotMatter() async {
        await propertyCheck(count: 1500, input: ProgramSample.generator, Gen.int(in: 0...1_000_000)) { sample, seed in
            var shuffled = sample.program
            var order = SplitMix(seed: UInt64(seed))
            shuffled.contacts.shuffle(using: &order)
            let limits = sample.limits
            let original = limits.validate(sample.program, context: sample.context)
            let reordered = limits.validate(shuffled, context: sample.context)
            #expect(reordered.verdict == original.verdict, "\(sample)")
            #expect(reordered.outline == original.outline, "\(sample)")
            #expect(reordered.metrics == original.metrics, "\(sample)")
            #expect(
                limits.maySend(shuffled, context: sample.context)
                    == limits.maySend(sample.program, context: sample.context))
        }
    }
}

/// A small seeded generator, so that a shuffle is reproducible from the property's input.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
