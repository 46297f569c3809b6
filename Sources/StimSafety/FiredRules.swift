/// The rules a program breaks, by severity: what a validation comes to when only its rule ids and
/// its verdict matter, as in the re-validation of a device log's events.
public struct FiredRules: Hashable, Sendable {
    /// The rules with at least one error finding.
    public var errors: RuleSet = []
    /// The rules with at least one warning finding.
    public var warnings: RuleSet = []

    /// No rule fired.
    public init() {}

    /// Whether no rule fired.
    public var isEmpty: Bool { errors.isEmpty && warnings.isEmpty }

    /// Every rule that fired, of either severity.
    public var all: RuleSet { errors.union(warnings) }

    /// `rejected` with any error, `accepted-with-warnings` with only warnings, else `accepted`.
    public var verdict: Verdict {
        if !errors.isEmpty { return .rejected }
        return warnings.isEmpty ? .accepted : .acceptedWithWarnings
    }

    @inline(__always)
    mutating func insert(_ rule: RuleID, _ severity: Severity) {
        switch severity {
        case .error: errors.insert(RuleSet(rule: rule))
        case .warning: warnings.insert(RuleSet(rule: rule))
        }
    }
}

extension FiredRules {
    /// The rules of `validation`'s findings, by severity.
    public init(_ validation: Validation) {
        self.init()
        for finding in validation.findings { insert(finding.rule, finding.severity) }
    }
}

extension DeviceLimits {
    /// The rules `program` breaks, by severity, exactly as ``validate(_:context:)`` finds them, but
    /// without keeping the findings or computing the metrics: it allocates nothing on the heap.
    public func firedRules(_ program: StimProgram, context: ValidationContext = ValidationContext()) -> FiredRules {
        var tally = RuleTally()
        _ = runRules(program, context: context, into: &tally)
        return tally.fired
    }
}
