import Testing

@testable import StimSafety

/// One row of the worked-examples table of `safety-rules.md` §4, with the findings it implies.
struct WorkedExample: Sendable, CustomTestStringConvertible {
    var program: StimProgram
    var impedances: MeasuredImpedances = .none
    /// Q (µC), D (µC/cm²) and k, to two decimals.
    var charge: Double
    var density: Double
    var shannonK: Double
    var verdict: Verdict
    /// Every finding as "rule severity @contact"; anodes carry the same current as the cathode here.
    var findings: [String]
    var testDescription: String

    static let all: [WorkedExample] = [
        WorkedExample(
            program: tonic("5", "300", at: "50"), charge: 1.5, density: 12.24, shannonK: 1.26, verdict: .accepted,
            findings: [], testDescription: "5 mA, 300 µs, 50 Hz"),
        WorkedExample(
            program: tonic("10", "500", at: "50"), charge: 5.0, density: 40.82, shannonK: 2.31, verdict: .rejected,
            findings: ["chargeDensity warning @1", "chargeDensity warning @2", "shannon error @1", "shannon error @2"],
            testDescription: "10 mA, 500 µs, 50 Hz"),
        WorkedExample(
            program: tonic("7", "300", at: "50"), charge: 2.1, density: 17.14, shannonK: 1.56,
            verdict: .acceptedWithWarnings, findings: ["shannon warning @1", "shannon warning @2"],
            testDescription: "7 mA, 300 µs"),
        WorkedExample(
            program: tonic("12", "300", at: "50"), impedances: measured(["1": "1000"]), charge: 3.6, density: 29.39,
            shannonK: 2.02, verdict: .rejected,
            findings: ["compliance error @1", "shannon error @1", "shannon error @2"],
            testDescription: "12 mA, 300 µs, 50 Hz, contact 1 measured at 1000 Ω"),
        WorkedExample(
            program: tonic("1", "1000", at: "600"), charge: 1.0, density: 8.16, shannonK: 0.91, verdict: .rejected,
            findings: ["timing.period error"], testDescription: "1 mA, 1000 µs, 600 Hz, active recovery"),
    ]
}

@Suite("Worked examples of safety-rules.md §4")
struct WorkedExampleTests {
    @Test(
        "Each worked example gives the charge, density, Shannon k, verdict and findings of the spec",
        arguments: WorkedExample.all)
    func workedExample(_ example: WorkedExample) {
        let validation = DeviceLimits.tonic16.validate(
            example.program, context: ValidationContext(impedances: example.impedances))
        #expect(rounded(validation.metrics.chargePerPhase, places: 2) == example.charge)
        #expect(rounded(validation.metrics.maxChargeDensity, places: 2) == example.density)
        #expect(rounded(validation.metrics.maxShannonK, places: 2) == example.shannonK)
        #expect(validation.verdict == example.verdict)
        #expect(validation.outline == example.findings)
    }

    @Test("The 12 mA example needs 13 V on the contact measured at 1000 Ω, above the 12 V compliance")
    func complianceFigureOfTheFourthExample() throws {
        let validation = DeviceLimits.tonic16.validate(
            tonic("12", "300", at: "50"), context: ValidationContext(impedances: measured(["1": "1000"])))
        let finding = try #require(validation.findings(for: .compliance).first)
        #expect(rounded(finding.value, places: 9) == 13)
        #expect(finding.limit == 12)
        #expect(rounded(validation.metrics.maxRequiredVoltage, places: 9) == 13)
    }

    @Test("The 600 Hz example reports 2020 µs of pulse against a 1666.7 µs period")
    func timingFigureOfTheFifthExample() throws {
        let finding = try #require(
            DeviceLimits.tonic16.validate(tonic("1", "1000", at: "600")).findings(for: .timingPeriod).first)
        #expect(finding.value == 2020)
        #expect(rounded(finding.limit, places: 1) == 1666.7)
    }

    @Test("The 7 mA example may be sent once shannon is acknowledged, and only then")
    func acknowledgingTheThirdExample() {
        let program = tonic("7", "300", at: "50")
        let limits = DeviceLimits.tonic16
        #expect(!limits.maySend(program))
        #expect(limits.maySend(program, context: ValidationContext(acknowledged: [RuleSet(rule: .shannon)])))
        #expect(!limits.maySend(program, context: ValidationContext(acknowledged: [RuleSet(rule: .chargeDensity)])))
        #expect(limits.validate(program).maySend(acknowledging: RuleSet([.shannon])))
    }

    @Test("The rejected examples cannot be sent whatever is acknowledged")
    func rejectedExamplesNeverSend() {
        let everything = RuleSet(RuleID.allCases)
        for example in WorkedExample.all where example.verdict == .rejected {
            let context = ValidationContext(impedances: example.impedances, acknowledged: everything)
            #expect(!DeviceLimits.tonic16.maySend(example.program, context: context))
        }
    }
}
