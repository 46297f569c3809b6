import Testing

@testable import StimSafety

/// `compliance` (case included, measured impedance before nominal) and `impedance` (lead contacts only).
@Suite("Compliance and impedance rules")
struct ComplianceAndImpedanceTests {
    /// Contact 1 measured at 2000 Ω: 4.9 mA needs 10.8 V (90 %), 5.5 mA needs 12 V (100 %).
    static let contactOneAt2k = ValidationContext(impedances: measured(["1": "2000"]))
    static let caseAt2k = ValidationContext(impedances: measured(["case": "2000"]))
    static let toCase = contacts(["1": "-100", "case": "100"])
    static let nominal2k = DeviceLimits.tonic16.with {
        $0.impedance = ImpedanceThresholds(nominal: ohms("2000"), short: ohms("250"), open: ohms("4000"))
    }

    static let compliance: [RuleCase] = [
        RuleCase("4.8 mA × 2 kΩ + 1 V = 10.6 V, under 90 %", tonic("4.8"), context: contactOneAt2k, .compliance, nil),
        RuleCase(
            "4.9 mA × 2 kΩ + 1 V = 10.8 V, exactly 90 %", tonic("4.9"), context: contactOneAt2k, .compliance,
            .warning, contacts: [.lead(1)]),
        RuleCase(
            "5.5 mA × 2 kΩ + 1 V = 12 V, exactly 100 %", tonic("5.5"), context: contactOneAt2k, .compliance,
            .warning, contacts: [.lead(1)]),
        RuleCase(
            "5.6 mA × 2 kΩ + 1 V = 12.2 V, above", tonic("5.6"), context: contactOneAt2k, .compliance, .error,
            contacts: [.lead(1)]),
        RuleCase("2 mA × 2 kΩ + 1 V = 5 V", tonic("2"), context: contactOneAt2k, .compliance, nil),
        RuleCase(
            "5.5 mA into the case measured at 2 kΩ", tonic("5.5", contacts: toCase), context: caseAt2k,
            .compliance, .warning, contacts: [.can]),
        RuleCase(
            "5.6 mA into the case measured at 2 kΩ", tonic("5.6", contacts: toCase), context: caseAt2k,
            .compliance, .error, contacts: [.can]),
        RuleCase(
            "5.6 mA, both contacts at a 2 kΩ nominal", device: nominal2k, tonic("5.6"), .compliance, .error,
            contacts: [.lead(1), .lead(2)]),
        RuleCase(
            "5.6 mA, contact 1 measured 800 Ω under a 2 kΩ nominal", device: nominal2k, tonic("5.6"),
            context: ValidationContext(impedances: measured(["1": "800"])), .compliance, .error,
            contacts: [.lead(2)]),
        RuleCase(
            "12.7 mA at the 800 Ω nominal needs 11.16 V, a warning", tonic("12.7", "20"), .compliance, .warning,
            contacts: [.lead(1), .lead(2)]),
        RuleCase("12 mA at the 800 Ω nominal needs 10.6 V", tonic("12", "20"), .compliance, nil),
        RuleCase(
            "9.8 mA split: 4.9 mA × 2 kΩ on a cathode and 9.8 mA × 1 kΩ on the anode, both 90 %",
            tonic("9.8", "20", contacts: contacts(["1": "-50", "2": "-50", "3": "100"])),
            context: ValidationContext(impedances: measured(["1": "2000", "3": "1000"])), .compliance, .warning,
            contacts: [.lead(1), .lead(3)]),
    ]

    static let impedance: [RuleCase] = [
        RuleCase(
            "250 Ω, exactly the short threshold", tonic("1"),
            context: ValidationContext(impedances: measured(["1": "250"])), .impedance, nil),
        RuleCase(
            "249.999 Ω, below the short threshold", tonic("1"),
            context: ValidationContext(impedances: measured(["1": "249.999"])), .impedance, .error,
            contacts: [.lead(1)]),
        RuleCase(
            "4000 Ω, exactly the open threshold", tonic("1"),
            context: ValidationContext(impedances: measured(["2": "4000"])), .impedance, nil),
        RuleCase(
            "4000.001 Ω, above the open threshold", tonic("1"),
            context: ValidationContext(impedances: measured(["2": "4000.001"])), .impedance, .error,
            contacts: [.lead(2)]),
        RuleCase(
            "1000 Ω, well inside", tonic("1"),
            context: ValidationContext(impedances: measured(["1": "1000", "2": "1000"])), .impedance, nil),
        RuleCase(
            "a shorted contact that is off", tonic("1"),
            context: ValidationContext(impedances: measured(["3": "10"])), .impedance, nil),
        RuleCase(
            "a shorted contact at 0 %", tonic("1", contacts: contacts(["1": "-100", "2": "100", "3": "0"])),
            context: ValidationContext(impedances: measured(["3": "10"])), .impedance, nil),
        RuleCase(
            "a case measured at 10 Ω, which is exempt", tonic("1", contacts: toCase),
            context: ValidationContext(impedances: measured(["case": "10"])), .impedance, nil),
        RuleCase(
            "a case measured at 10 kΩ, which is exempt", tonic("1", contacts: toCase),
            context: ValidationContext(impedances: measured(["case": "10000"])), .impedance, nil),
        RuleCase("no measurement at all", tonic("1"), .impedance, nil),
        RuleCase(
            "one contact shorted, the other open", tonic("1"),
            context: ValidationContext(impedances: measured(["1": "100", "2": "5000"])), .impedance, .error,
            contacts: [.lead(1), .lead(2)]),
    ]

    @Test("Compliance warns from exactly 90 % through exactly 100 % and rejects above", arguments: compliance)
    func complianceRule(_ row: RuleCase) { row.verify() }

    @Test(
        "An active lead contact measured below short or above open is an error; equal passes",
        arguments: impedance)
    func impedanceRule(_ row: RuleCase) { row.verify() }

    @Test("Compliance findings carry the required voltage and the limit")
    func complianceFindingCarriesNumbers() throws {
        let validation = DeviceLimits.tonic16.validate(tonic("4.9"), context: Self.contactOneAt2k)
        let finding = try #require(validation.findings(for: .compliance).first)
        #expect(finding.reason == .nearCompliance)
        #expect(rounded(finding.value, places: 9) == 10.8)
        #expect(rounded(finding.limit, places: 9) == 10.8)
        #expect(rounded(validation.metrics.maxRequiredVoltage, places: 9) == 10.8)
    }

    @Test("The measured impedance of a contact replaces the nominal one only for that contact")
    func measuredReplacesNominalPerContact() {
        let measuredOne = DeviceLimits.tonic16.validate(tonic("5.5"), context: Self.contactOneAt2k)
        #expect(measuredOne.severity(of: .compliance, at: .lead(1)) == .warning)
        #expect(measuredOne.severity(of: .compliance, at: .lead(2)) == nil)
        #expect(
            Self.nominal2k.validate(tonic("5.5")).findings(for: .compliance).compactMap(\.contact) == [
                .lead(1), .lead(2),
            ])
    }

    @Test("Measurements for keys that are not contacts are ignored")
    func measurementsOfUnknownKeysAreIgnored() {
        let impedances = MeasuredImpedances([.unrecognized("x"): ohms("10"), .lead(3): ohms("900")])
        #expect(impedances.ohms(of: .unrecognized("x")) == nil)
        #expect(impedances.ohms(of: .lead(3)) == ohms("900"))
        #expect(impedances.ohms(of: .lead(2)) == nil)
        #expect(impedances.ohms(of: .can) == nil)
    }
}
