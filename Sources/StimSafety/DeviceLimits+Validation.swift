/// The result of the full validation: every finding, the metrics and the verdict.
public struct Validation: Hashable, Sendable {
    /// Every finding, in rule order and, within a rule, in the program's contact order.
    public var findings: [Finding]
    public var metrics: Metrics

    /// `rejected` with any error, `accepted-with-warnings` with only warnings, else `accepted`.
    public var verdict: Verdict { FiredRules(self).verdict }

    /// Whether the set may be sent: no error, and every warning's exact rule id acknowledged.
    public func maySend(acknowledging acknowledged: RuleSet) -> Bool {
        findings.allSatisfy { $0.severity == .warning && acknowledged.contains($0.rule) }
    }

    /// The sorted ids of the rules that fired.
    public var ruleIDs: [RuleID] { RuleSet(findings.map(\.rule)).rules }
}

extension DeviceLimits {
    /// Runs every rule and returns every finding with the metrics: the full entry point.
    public func validate(_ program: StimProgram, context: ValidationContext = ValidationContext()) -> Validation {
        var collector = FindingCollector()
        let metrics = runRules(program, context: context, into: &collector)
        let ordered = collector.findings.enumerated().sorted {
            ($0.element.rule.rawValue, $0.offset) < ($1.element.rule.rawValue, $1.offset)
        }
        return Validation(findings: ordered.map(\.element), metrics: metrics)
    }

    /// Whether the set may be sent (no error, every warning acknowledged in `context`): the fast entry
    /// point, which allocates nothing on the heap and always agrees with `validate`.
    public func maySend(_ program: StimProgram, context: ValidationContext = ValidationContext()) -> Bool {
        sendGateAllows(program, context: context, contactPass: contactPass(program, context: context))
    }

    /// Whether `program` may be sent, as ``maySend(_:context:)`` answers, when `gate` was prepared for the
    /// same program (its amplitude aside) in the same context.
    public func maySend(
        _ program: StimProgram, context: ValidationContext = ValidationContext(), preparedGate gate: PreparedSendGate
    ) -> Bool {
        sendGateAllows(program, context: context, contactPass: gate.contactPass)
    }

    /// The fast entry point, given the program's contact pass.
    @inline(__always)
    private func sendGateAllows(_ program: StimProgram, context: ValidationContext, contactPass: ContactPass?) -> Bool {
        // `patientRange`'s own checks are errors, which the general rules skip once the contacts are checked.
        if let range = program.patientRange, patientRangeBreak(program, range) != nil { return false }
        guard let contactPass else {
            return generalRulesAllowSending(program, context: context, largestShareTimesOhms: nil)
        }
        guard case .shares(let shares) = contactPass,
            loadsAllowSending(program, context: context, shares: shares)
        else { return false }
        let largestShareTimesOhms = shares.clampedShareTimesOhms
        return otherRulesAllowSending(program, context: context, largestShareTimesOhms: largestShareTimesOhms)
            ?? generalRulesAllowSending(program, context: context, largestShareTimesOhms: largestShareTimesOhms)
    }

    /// The general rules into a send gate: all of them, or with `largestShareTimesOhms` all but the
    /// contact rules, which the fast contact pass has decided already.
    ///
    /// Not inlined, so that the fast paths keep their registers.
    @inline(never)
    private func generalRulesAllowSending(
        _ program: StimProgram, context: ValidationContext, largestShareTimesOhms: Int64?
    ) -> Bool {
        var gate = SendGate(acknowledged: context.acknowledged)
        var metrics = Metrics()
        if let largestShareTimesOhms {
            metrics.maxRequiredVoltage = requiredVoltage(
                amplitude: program.amplitude, largestShareTimesOhms: largestShareTimesOhms)
        }
        _ = runRules(
            program, context: context, into: &gate, metrics: metrics, contactsChecked: largestShareTimesOhms != nil)
        return gate.maySend
    }
}
