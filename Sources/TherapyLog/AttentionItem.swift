import RecordingFormat

/// One line of the attention block: an event, or a group of like events, a clinician should look at.
public struct AttentionItem: Hashable, Sendable {
    /// What the item is about, in the order the reports list them.
    public enum Kind: String, CaseIterable, Comparable, Sendable {
        /// `program` and `amplitude` events the safety rules flag on re-validation.
        case safety
        /// `fault` events.
        case fault
        /// Contacts measured outside the profile's short and open thresholds.
        case impedance
        /// `rejected` events: commands the device refused.
        case refusal
        /// The battery reaching its low or empty level.
        case battery

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// What the item is about.
    public var kind: Kind
    /// Whether it is an error (`true`) or a warning.
    public var isError: Bool
    /// The first event's time.
    public var time: Timestamp
    /// The first event's 1-based line.
    public var line: Int
    /// How many events the item stands for (the first and its repeats).
    public var count: Int
    /// The program slot, when the events concern one.
    public var slot: Int?
    /// The rule ids involved, as the re-validation or the device gave them.
    public var rules: [String]
    /// The first event in words, with its values (and, for a refusal, the reason).
    public var message: String
    /// The profile fields marked assumed that the item's verdict rests on (the limits of its rules,
    /// the impedance thresholds); set by ``RecordingReport/markAssumed(_:)``.
    public var assumed: [String] = []
}
