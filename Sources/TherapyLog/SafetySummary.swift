import StimSafety

/// The re-validation of every `program` and `amplitude` event against the device profile.
public struct SafetySummary: Hashable, Sendable {
    /// How many events the report lists in ``flaggedEvents`` at most (the counts are complete).
    public static let flaggedEventLimit = 100

    /// Events with at least one error.
    public var eventsWithErrors = 0
    /// Events with at least one warning (an event with both counts in both).
    public var eventsWithWarnings = 0
    /// Events with at least one finding of either severity.
    public var eventsFlagged = 0
    /// Every rule id seen, sorted by id.
    public var rules: [RuleID] { ruleSet.rules }
    /// The rules some event could not be judged by, because the source did not give what they need:
    /// said once, never counted as errors.
    public var notEvaluated: RuleSet = []

    /// The rules that judge a program's contacts, which a program with its contacts unknown cannot be
    /// judged by (`docs/safety-rules.md` §2).
    public static let contactRules = RuleSet([
        RuleID.contactsUnknown, .contactsPolarity, .contactsCount, .currentContact, .chargeDensity, .shannon,
        .compliance, .impedance, .patientRangeCurrentContact, .patientRangeChargeDensity, .patientRangeShannon,
        .patientRangeCompliance,
    ])
    /// The first flagged events, in line order, for the human report.
    public private(set) var flaggedEvents: [FlaggedEvent] = []

    private var ruleSet: RuleSet = []

    /// Counts one re-validated event by the rules it broke.
    mutating func record(line: Int, slot: Slot, type: String, fired: FiredRules) {
        guard !fired.isEmpty else { return }
        ruleSet.insert(fired.all)
        eventsFlagged += 1
        if !fired.errors.isEmpty { eventsWithErrors += 1 }
        if !fired.warnings.isEmpty { eventsWithWarnings += 1 }
        if flaggedEvents.count < Self.flaggedEventLimit {
            flaggedEvents.append(
                FlaggedEvent(line: line, slot: slot, type: type, verdict: fired.verdict, rules: fired.all.rules))
        }
    }
}
