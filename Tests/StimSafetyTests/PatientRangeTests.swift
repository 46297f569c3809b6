import Testing

@testable import StimSafety

/// `patientRange` and the `patientRange.<rule>` checks of the program at the patient maximum.
@Suite("Patient range rules")
struct PatientRangeTests {
    static let contactOneAt2k = ValidationContext(impedances: measured(["1": "2000"]))
    static let fineAmplitude = ContactLoadRuleTests.fineAmplitude

    static let range: [RuleCase] = [
        RuleCase(
            "a range of the device's whole amplitude range", tonic("5", "20", patientRange: ("0", "25.5")),
            .patientRange, nil),
        RuleCase("a range of one value, the amplitude", tonic("5", patientRange: ("5", "5")), .patientRange, nil),
        RuleCase("an amplitude inside its range", tonic("5", patientRange: ("2", "6")), .patientRange, nil),
        RuleCase(
            "a minimum below the device minimum", tonic("5", patientRange: ("-0.1", "6")), .patientRange,
            .error),
        RuleCase(
            "a maximum above the device maximum", tonic("5", patientRange: ("2", "25.6")), .patientRange,
            .error),
        RuleCase(
            "an amplitude one step below its range", tonic("5", patientRange: ("5.1", "6")), .patientRange,
            .error),
        RuleCase(
            "an amplitude one step above its range", tonic("5", patientRange: ("2", "4.9")), .patientRange,
            .error),
        RuleCase(
            "a range whose minimum is above its maximum", tonic("5", patientRange: ("6", "4")), .patientRange,
            .error),
        RuleCase("no range at all", tonic("5"), .patientRange, nil),
    ]

    static let atMaximum: [RuleCase] = [
        RuleCase(
            "a maximum of 12.7 mA per contact", tonic("5", "20", patientRange: ("2", "12.7")),
            .patientRangeCurrentContact, nil),
        RuleCase(
            "a maximum of 12.8 mA per contact", tonic("5", "20", patientRange: ("2", "12.8")),
            .patientRangeCurrentContact, .error, contacts: [.lead(1), .lead(2)]),
        RuleCase(
            "a maximum of exactly 30 µC/cm²", device: fineAmplitude, tonic("5", "300", patientRange: ("2", "12.25")),
            .patientRangeChargeDensity, nil),
        RuleCase(
            "a maximum just over 30 µC/cm²", device: fineAmplitude,
            tonic("5", "300", patientRange: ("2", "12.26")), .patientRangeChargeDensity, .warning),
        RuleCase("a maximum at k 1.49", tonic("5", patientRange: ("2", "6.5")), .patientRangeShannon, nil),
        RuleCase(
            "a maximum at k 1.51", tonic("5", patientRange: ("2", "6.6")), .patientRangeShannon, .warning,
            contacts: [.lead(1), .lead(2)]),
        RuleCase("a maximum at k 1.857", tonic("5", patientRange: ("2", "9.9")), .patientRangeShannon, .error),
        RuleCase(
            "a maximum under 90 % of compliance", tonic("2", patientRange: ("2", "4.8")),
            context: contactOneAt2k, .patientRangeCompliance, nil),
        RuleCase(
            "a maximum at exactly 90 % of compliance", tonic("2", patientRange: ("2", "4.9")),
            context: contactOneAt2k, .patientRangeCompliance, .warning, contacts: [.lead(1)]),
        RuleCase(
            "a maximum at exactly 100 % of compliance", tonic("2", patientRange: ("2", "5.5")),
            context: contactOneAt2k, .patientRangeCompliance, .warning),
        RuleCase(
            "a maximum above compliance", tonic("2", patientRange: ("2", "5.6")), context: contactOneAt2k,
            .patientRangeCompliance, .error),
        RuleCase(
            "the base rule stays silent when only the maximum is over", tonic("5", patientRange: ("2", "9.9")),
            .shannon, nil),
    ]

    @Test("The patient range lies within the amplitude range and holds the amplitude", arguments: range)
    func rangeRule(_ row: RuleCase) { row.verify() }

    @Test(
        "The program at the patient maximum passes the per-contact rules, reported as patientRange.<rule>",
        arguments: atMaximum)
    func ruleAtMaximum(_ row: RuleCase) { row.verify() }

    @Test("A patientRange.<rule> finding is reported in addition to the base rule when both fire")
    func bothTheBaseAndThePatientRuleFire() {
        let validation = DeviceLimits.tonic16.validate(tonic("7", patientRange: ("2", "7")))
        #expect(
            validation.outline == [
                "patientRange.shannon warning @1", "patientRange.shannon warning @2", "shannon warning @1",
                "shannon warning @2",
            ])
    }

    @Test("The checks at the patient maximum run even when the range itself fails")
    func innerChecksRunWhenTheRangeFails() {
        let aboveDevice = DeviceLimits.tonic16.validate(tonic("5", "20", patientRange: ("2", "25.6")))
        #expect(aboveDevice.severity(of: .patientRange) == .error)
        #expect(aboveDevice.severity(of: .patientRangeCurrentContact) == .error)
        let amplitudeOutside = DeviceLimits.tonic16.validate(tonic("5", patientRange: ("9.9", "12")))
        #expect(amplitudeOutside.severity(of: .patientRange) == .error)
        #expect(amplitudeOutside.severity(of: .patientRangeShannon) == .error)
        #expect(amplitudeOutside.severity(of: .shannon) == nil)
    }

    @Test("Acknowledging shannon does not acknowledge patientRange.shannon, nor the other way round")
    func acknowledgementNeedsTheExactID() {
        let limits = DeviceLimits.tonic16
        let program = tonic("5", patientRange: ("2", "7"))
        let shannon = ValidationContext(acknowledged: [RuleSet(rule: .shannon)])
        let patient = ValidationContext(acknowledged: [RuleSet(rule: .patientRangeShannon)])
        #expect(!limits.maySend(program, context: shannon))
        #expect(limits.maySend(program, context: patient))
        let both = tonic("7", patientRange: ("2", "7"))
        #expect(!limits.maySend(both, context: patient))
        #expect(!limits.maySend(both, context: shannon))
        #expect(
            limits.maySend(both, context: ValidationContext(acknowledged: RuleSet([.shannon, .patientRangeShannon]))))
    }

    @Test(
        "Acknowledging what warned at the patient maximum lets the program through on both entry points alike",
        arguments: atMaximum.filter { $0.expected == .warning })
    func acknowledgingTheWarningsAtTheMaximum(_ row: RuleCase) {
        let validation = row.device.validate(row.program, context: row.context)
        var context = row.context
        context.acknowledged = RuleSet(validation.findings.filter { $0.severity == .warning }.map(\.rule))
        let passes = validation.maySend(acknowledging: context.acknowledged)
        #expect(passes == !validation.findings.contains { $0.severity == .error })
        #expect(row.device.maySend(row.program, context: context) == passes)
        context.acknowledged.remove(RuleSet(rule: row.rule))
        #expect(!row.device.maySend(row.program, context: context))
    }

    @Test("A patient range finding says which bound the amplitude or the range broke")
    func patientRangeFindingsCarryTheBound() throws {
        let below = try #require(
            DeviceLimits.tonic16.validate(tonic("5", patientRange: ("5.1", "6"))).findings(for: .patientRange).first)
        #expect(below.reason == .amplitudeOutsideRange)
        #expect(below.limit == 5.1)
        let outside = try #require(
            DeviceLimits.tonic16.validate(tonic("5", patientRange: ("2", "25.6"))).findings(for: .patientRange).first)
        #expect(outside.reason == .outsideAmplitude)
        #expect(outside.value == 25.6)
        #expect(outside.limit == 25.5)
    }
}
