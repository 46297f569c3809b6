/// Receives findings as the rules produce them.
///
/// The rules are written once against this protocol: the full entry point collects findings, the
/// fast entry point only notes whether the set may still be sent, so the two always agree.
protocol FindingSink {
    /// Whether the rules should also compute the metrics (the fast entry point skips them).
    static var collectsMetrics: Bool { get }

    mutating func report(
        _ rule: RuleID, _ severity: Severity, contact: ContactID?, reason: FindingReason,
        value: @autoclosure () -> Double?, limit: @autoclosure () -> Double?
    )
}

extension FindingSink {
    @inline(__always)
    mutating func report(
        _ rule: RuleID, _ severity: Severity, reason: FindingReason, value: @autoclosure () -> Double? = nil,
        limit: @autoclosure () -> Double? = nil
    ) {
        report(rule, severity, contact: nil, reason: reason, value: value(), limit: limit())
    }
}

/// Keeps every finding, for the full entry point.
struct FindingCollector: FindingSink {
    static var collectsMetrics: Bool { true }
    var findings: [Finding] = []

    mutating func report(
        _ rule: RuleID, _ severity: Severity, contact: ContactID?, reason: FindingReason,
        value: @autoclosure () -> Double?, limit: @autoclosure () -> Double?
    ) {
        findings.append(
            Finding(rule: rule, severity: severity, contact: contact, reason: reason, value: value(), limit: limit()))
    }
}

/// Notes only whether the set may be sent: no error, no unacknowledged warning. Never allocates.
struct SendGate: FindingSink {
    static var collectsMetrics: Bool { false }
    let acknowledged: RuleSet
    var maySend = true

    @inline(__always)
    mutating func report(
        _ rule: RuleID, _ severity: Severity, contact: ContactID?, reason: FindingReason,
        value: @autoclosure () -> Double?, limit: @autoclosure () -> Double?
    ) {
        if severity == .error || !acknowledged.contains(rule) { maySend = false }
    }
}

/// Notes which rules fired, by severity, and nothing else. Never allocates.
struct RuleTally: FindingSink {
    static var collectsMetrics: Bool { false }
    var fired = FiredRules()

    @inline(__always)
    mutating func report(
        _ rule: RuleID, _ severity: Severity, contact: ContactID?, reason: FindingReason,
        value: @autoclosure () -> Double?, limit: @autoclosure () -> Double?
    ) {
        fired.insert(rule, severity)
    }
}
