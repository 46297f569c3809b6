import ArgumentParser
import DeviceProfiles
import Foundation
import StimSafety

/// `scs check`: runs a plan of safety cases, each a test; CI fails when any case differs.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run a plan of safety cases (program, device, expected verdict and rule ids).",
        discussion: "Exit status 1 when any case differs from what the plan expects.")

    @Argument(help: "The plan file (YAML or JSON).") var plan: String
    @Option(help: "Also write the results as JUnit XML to this file.") var junit: String?
    @OptionGroup var catalog: CatalogOptions

    func run() throws {
        let plan = try CheckPlan.read(file: self.plan)
        let inputs = CommandInputs([self.plan, catalog.folder] + plan.programFiles)
        let output = try junit.map { path throws(InputError) in
            try OutputFile(path, location: "--junit \(path)", inputs: inputs)
        }
        let profiles = try catalog.loadProfiles()
        let results = try CheckRunner.run(plan, profiles: profiles)
        print(CheckText.render(results))
        if let output {
            try output.write(JUnitReport.render(suite: self.plan, results: results))
            try output.commit()
        }
        if results.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}

/// One case's outcome.
struct CheckResult {
    var name: String
    var device: String
    var expectedVerdict: Verdict
    var expectedRules: [RuleID]?
    var validation: Validation
    var seconds: Double

    var actualRules: [RuleID] { validation.ruleIDs }
    var passed: Bool {
        validation.verdict == expectedVerdict && (expectedRules.map { $0 == actualRules } ?? true)
    }

    /// What differs, in one line.
    var difference: String {
        let expected = expectedVerdict.rawValue + (expectedRules.map { " [\(names($0))]" } ?? "")
        return "expected \(expected), got \(validation.verdict.rawValue) [\(names(actualRules))]"
    }

    private func names(_ rules: [RuleID]) -> String { rules.map(\.name).joined(separator: ", ") }
}

enum CheckRunner {
    /// Validates every case; an unknown device or a bad impedance map is bad input for the whole plan.
    static func run(_ plan: CheckPlan, profiles: [DeviceProfile]) throws(InputError) -> [CheckResult] {
        var prepared: [(CheckPlan.Case, DeviceProfile, ValidationContext)] = []
        for testCase in plan.cases {
            guard let profile = profiles.first(where: { $0.id == testCase.device }) else {
                throw InputError(
                    "case '\(testCase.name)'",
                    "unknown device '\(testCase.device)' (known: \(profiles.map(\.id).joined(separator: ", ")))")
            }
            var context = ValidationContext(slot: testCase.slot)
            if let slot = testCase.slot, !(1...profile.programs).contains(slot) {
                throw InputError(
                    "case '\(testCase.name)'", "\(profile.id) has slots 1…\(profile.programs) (got \(slot))")
            }
            if let impedance = testCase.impedance {
                context.impedances = try ImpedanceDecoder.decode(impedance, limits: profile.limits)
            }
            prepared.append((testCase, profile, context))
        }
        return prepared.map { testCase, profile, context in
            let clock = ContinuousClock()
            let start = clock.now
            let validation = profile.limits.validate(testCase.program, context: context)
            let elapsed = clock.now - start
            return CheckResult(
                name: testCase.name, device: profile.id, expectedVerdict: testCase.expectedVerdict,
                expectedRules: testCase.expectedRules, validation: validation,
                seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
    }
}
