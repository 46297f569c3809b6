import Testing

@testable import StimSafety

/// How findings add up: one per rule and contact at its highest severity, verdicts, acknowledgement by
/// exact id, fractional contacts, and the case electrode's exemptions.
@Suite("Findings, verdicts and acknowledgements")
struct FindingSemanticsTests {
    @Test("The spec's rule ids are exactly the ids the core knows, and each round-trips by name")
    func ruleIDsAreTheSpecs() {
        let spec = [
            "amplitude.range", "amplitude.step", "pulseWidth.range", "pulseWidth.step", "frequency.range",
            "frequency.step", "waveform.supported", "burst.range", "contacts.unknown", "contacts.polarity",
            "contacts.count", "current.contact", "chargeDensity", "shannon", "timing.period", "compliance",
            "impedance", "patientRange", "battery", "amplitude.slew", "patientRange.current.contact",
            "patientRange.chargeDensity", "patientRange.shannon", "patientRange.compliance",
        ]
        #expect(Set(ids(RuleID.allCases)) == Set(spec))
        for rule in RuleID.allCases { #expect(RuleID(name: rule.name) == rule) }
        #expect(RuleID(name: "Shannon") == nil)
        #expect(RuleID(name: "patientRange.") == nil)
    }

    @Test("One rule is an error on one contact and a warning on another, once each")
    func oneFindingPerRuleAndContactAtItsHighestSeverity() {
        // 10 mA at 300 µs: the cathode's k is 1.87 (error), the 70 % anode's 1.56 (warning), the 30 % anode's 0.82.
        let program = tonic("10", "300", contacts: contacts(["1": "-100", "2": "70", "3": "30"]))
        let validation = DeviceLimits.tonic16.validate(program)
        #expect(validation.findings(for: .shannon).map(\.outline) == ["shannon error @1", "shannon warning @2"])
        #expect(validation.verdict == .rejected)
    }

    @Test("Density and Shannon over on the same contact give one finding each, at their own severities")
    func twoRulesOnOneContact() {
        let validation = DeviceLimits.tonic16.validate(
            tonic("10", "500", contacts: contacts(["1": "-100", "case": "100"])))
        #expect(validation.outline == ["chargeDensity warning @1", "shannon error @1"])
    }

    @Test("The verdict is accepted, accepted-with-warnings or rejected, by the worst finding")
    func verdicts() {
        let limits = DeviceLimits.tonic16
        #expect(limits.validate(tonic("5")).verdict == .accepted)
        #expect(limits.validate(tonic("7")).verdict == .acceptedWithWarnings)
        #expect(limits.validate(tonic("10", "500")).verdict == .rejected)
        #expect(Verdict.acceptedWithWarnings.rawValue == "accepted-with-warnings")
    }

    @Test("A set with warnings is sent only when every warning's id is acknowledged")
    func everyWarningMustBeAcknowledged() {
        // 7 mA at 300 µs with contact 1 at 1400 Ω: Shannon k 1.56 on both contacts, 10.8 V (90 %) on contact 1.
        let program = tonic("7", "300")
        let impedances = measured(["1": "1400"])
        let limits = DeviceLimits.tonic16
        let validation = limits.validate(program, context: ValidationContext(impedances: impedances))
        #expect(validation.ruleIDs == [.compliance, .shannon])
        #expect(validation.verdict == .acceptedWithWarnings)
        #expect(!validation.maySend(acknowledging: [RuleSet(rule: .shannon)]))
        #expect(!validation.maySend(acknowledging: [RuleSet(rule: .compliance)]))
        #expect(validation.maySend(acknowledging: RuleSet([.shannon, .compliance])))
        let both = ValidationContext(impedances: impedances, acknowledged: RuleSet([.shannon, .compliance]))
        #expect(limits.maySend(program, context: both))
    }

    @Test("An error is never acknowledged away")
    func errorsCannotBeAcknowledged() {
        let everything = RuleSet(RuleID.allCases)
        #expect(!DeviceLimits.tonic16.validate(tonic("25.6")).maySend(acknowledging: everything))
        #expect(!DeviceLimits.tonic16.maySend(tonic("25.6"), context: ValidationContext(acknowledged: everything)))
    }

    @Test("Fractional contacts carry their share: 10 mA over −60/−40/+100 puts the full current on the anode")
    func fractionalContacts() {
        let validation = DeviceLimits.tonic16.validate(
            tonic("10", "300", contacts: contacts(["1": "-60", "2": "-40", "3": "100"])))
        // 6 mA → k 1.42, 4 mA → k 1.07, 10 mA → k 1.87.
        #expect(validation.outline == ["shannon error @3"])
        #expect(rounded(validation.metrics.chargePerPhase, places: 6) == 3)
        #expect(rounded(validation.metrics.maxRequiredVoltage, places: 6) == 9)
    }

    @Test("The case is exempt from current, density, Shannon and impedance but counts for compliance and count")
    func caseElectrodeExemptions() {
        let oneContact = DeviceLimits.tonic16.with { $0.maxActiveContacts = 1 }
        // 25.4 mA at 500 µs into the case measured at 10 Ω (a short on a lead contact).
        let program = tonic("25.4", "500", contacts: contacts(["1": "-50", "2": "-50", "case": "100"]))
        let validation = oneContact.validate(
            program, context: ValidationContext(impedances: measured(["case": "10"])))
        #expect(validation.findings.allSatisfy { $0.contact != .can })
        #expect(validation.severity(of: .contactsCount) == .error)
        let compliance = oneContact.validate(
            tonic("5.6", "20", contacts: contacts(["1": "-100", "case": "100"])),
            context: ValidationContext(impedances: measured(["case": "2000"])))
        #expect(compliance.findings(for: .compliance).map(\.outline) == ["compliance error @case"])
        // The case's 12.6 V does not enter the lead metrics, but it does enter the required voltage.
        #expect(rounded(compliance.metrics.maxRequiredVoltage, places: 6) == 12.2)
        #expect(rounded(compliance.metrics.maxChargeDensity, places: 4) == rounded(0.112 / 0.1225, places: 4))
    }

    @Test("Every rule runs: one program can break many rules at once, each reported")
    func allRulesRun() {
        let program = StimProgram(
            amplitude: mA("25.55"), pulseWidth: us("1005"), rate: .frequency(hz("1200.5")),
            contacts: contacts(["1": "-100", "2": "90", "x": "5"]),
            patientRange: PatientRange(min: mA("0"), max: mA("26")))
        let validation = DeviceLimits.tonic16.validate(
            program,
            context: ValidationContext(impedances: measured(["2": "5000"]), runningAmplitude: mA("0")))
        #expect(
            Set(ids(validation.ruleIDs)) == [
                "amplitude.range", "amplitude.step", "pulseWidth.range", "pulseWidth.step", "frequency.range",
                "frequency.step", "contacts.unknown", "contacts.polarity", "current.contact", "chargeDensity",
                "shannon", "timing.period", "compliance", "impedance", "patientRange", "battery", "amplitude.slew",
                "patientRange.current.contact", "patientRange.chargeDensity", "patientRange.shannon",
                "patientRange.compliance",
            ])
    }

    @Test("Findings come in rule order and, within a rule, in the program's contact order")
    func findingOrder() {
        let validation = DeviceLimits.tonic16.validate(
            tonic("10", "500", contacts: contacts(["2": "100", "1": "-100"])))
        #expect(
            validation.findings.map(\.outline) == [
                "chargeDensity warning @2", "chargeDensity warning @1", "shannon error @2", "shannon error @1",
            ])
    }

    @Test("Messages name the contact, the numbers and their units")
    func messages() throws {
        let validation = DeviceLimits.tonic16.validate(
            tonic("12", "300"), context: ValidationContext(impedances: measured(["1": "1000"])))
        let compliance = try #require(validation.findings(for: .compliance).first)
        #expect(compliance.message.contains("contact 1"))
        #expect(compliance.message.contains("13 V"))
        #expect(compliance.message.contains("12 V"))
        let range = try #require(DeviceLimits.tonic16.validate(tonic("25.6")).findings(for: .amplitudeRange).first)
        #expect(range.message == "amplitude 25.6 mA is above the maximum 25.5 mA")
    }
}
