import StimSafety

/// The outcome of `scs check --json` (`docs/cli.md` §3): the counts, then each case with what it
/// expected and what the validation gave, or why it could not run.
struct CheckReport: Encodable {
    struct Expectation: Encodable {
        var verdict: String
        /// The exact rule ids expected; nil when the case does not name them.
        var rules: [String]?
    }

    struct Outcome: Encodable {
        var verdict: String
        var rules: [String]
        var findings: [ValidationReport.FindingEntry]
    }

    struct Case: Encodable {
        var name: String
        var device: String
        /// `passed`, `failed` (ran and differed) or `error` (could not run).
        var result: String
        var expected: Expectation?
        var got: Outcome?
        /// What differs or what went wrong, as the text and JUnit reports say it; nil when it passed.
        var difference: String?
        var seconds: Double
    }

    var plan: String
    var passed: Int
    var failed: Int
    var errors: Int
    var cases: [Case]

    init(plan: String, results: [CheckResult]) {
        self.plan = plan
        (passed, failed, errors) = results.counts
        cases = results.map { result in
            var entry = Case(
                name: result.name, device: result.device,
                result: result.passed ? "passed" : result.isError ? "error" : "failed",
                difference: result.passed ? nil : result.difference, seconds: result.seconds)
            if case .ran(let verdict, let rules, let validation) = result.outcome {
                entry.expected = Expectation(verdict: verdict.rawValue, rules: rules?.map(\.name))
                entry.got = Outcome(
                    verdict: validation.verdict.rawValue, rules: validation.ruleIDs.map(\.name),
                    findings: validation.findings.map(ValidationReport.FindingEntry.init))
            }
            return entry
        }
    }
}
