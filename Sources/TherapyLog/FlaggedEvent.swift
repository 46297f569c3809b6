import StimSafety

/// One `program` or `amplitude` event the safety rules flagged.
public struct FlaggedEvent: Hashable, Sendable {
    /// The 1-based line of the event.
    public var line: Int
    /// The program slot the event concerns.
    public var slot: Slot
    /// `program` or `amplitude`.
    public var type: String
    /// The validation's verdict.
    public var verdict: Verdict
    /// The rule ids that fired, sorted.
    public var rules: [RuleID]
}
