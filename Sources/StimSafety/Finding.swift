/// How serious a finding is.
public enum Severity: String, Hashable, Sendable, Comparable {
    /// The set lets through only when this rule id is acknowledged.
    case warning
    /// The set is rejected: never sent, never applied.
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}

/// Why a rule fired, in words a message can be built from without allocating on the fast path.
public enum FindingReason: Hashable, Sendable {
    case belowMinimum
    case aboveMaximum
    case offGrid
    /// Off the grid for its decimals alone: more decimal places than the step (and the value its piece
    /// counts from) have, such as 4.55555 mA on a 0.1 mA grid.
    case finerThanStep
    case missing
    case notSupported
    case notOnLeads
    case caseNotAllowed
    case noCathode
    case noAnode
    case cathodeSum
    case anodeSum
    case offFractionStep
    case duplicateContact
    case tooManyContacts
    case aboveWarnLimit
    case aboveRejectLimit
    case nearCompliance
    case aboveCompliance
    case shorted
    case open
    case pulseLongerThanPeriod
    case pulseLongerThanIntraBurstPeriod
    case burstLongerThanPeriod
    case outsideAmplitude
    case amplitudeOutsideRange
    case shortRechargeInterval
    case shortLongevity
    case stepTooLarge
}

/// One rule that fired: which, how badly, where, and the numbers (in the units of `safety-rules.md`).
public struct Finding: Hashable, Sendable {
    public var rule: RuleID
    public var severity: Severity
    /// The contact it concerns, for per-contact rules.
    public var contact: ContactID?
    public var reason: FindingReason
    /// The offending value, in the rule's unit.
    public var value: Double?
    /// The limit it was checked against, in the same unit.
    public var limit: Double?

    public init(
        rule: RuleID, severity: Severity, contact: ContactID? = nil, reason: FindingReason, value: Double? = nil,
        limit: Double? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.contact = contact
        self.reason = reason
        self.value = value
        self.limit = limit
    }
}

/// The outcome of a validation.
public enum Verdict: String, Hashable, Sendable {
    case accepted
    case acceptedWithWarnings = "accepted-with-warnings"
    case rejected
}
