import DeviceProfiles
import StimSafety

/// One case's outcome in a `scs check` run.
struct CheckResult {
    /// What became of the case.
    enum Outcome {
        /// The case ran: what was expected and what the validation found.
        case ran(expectedVerdict: Verdict, expectedRules: [RuleID]?, validation: Validation)
        /// The case could not run (an unknown device, a bad program or field): the problem, located.
        case error(InputError)
    }

    var name: String
    /// The device id as the plan gives it (`-` when it gives none).
    var device: String
    var outcome: Outcome
    /// The time the validation took; 0 for a case that could not run.
    var seconds: Double

    var passed: Bool {
        guard case .ran(let verdict, let rules, let validation) = outcome else { return false }
        return validation.verdict == verdict && (rules.map { $0 == validation.ruleIDs } ?? true)
    }

    var isError: Bool {
        if case .error = outcome { return true }
        return false
    }

    /// What differs or what went wrong, in one line; empty for a case that passed.
    var difference: String {
        switch outcome {
        case .error(let error): return error.description
        case .ran(let verdict, let rules, let validation):
            guard !passed else { return "" }
            let expected = verdict.rawValue + (rules.map { " [\(names($0))]" } ?? "")
            return "expected \(expected), got \(validation.verdict.rawValue) [\(names(validation.ruleIDs))]"
        }
    }

    private func names(_ rules: [RuleID]) -> String { rules.map(\.name).joined(separator: ", ") }
}

extension Collection<CheckResult> {
    /// How many cases passed, failed (ran and differed) and could not run.
    var counts: (passed: Int, failed: Int, errors: Int) {
        let errors = filter(\.isError).count
        let passed = filter(\.passed).count
        return (passed, count - passed - errors, errors)
    }
}
