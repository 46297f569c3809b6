import TherapyLog

extension AttentionItem {
    /// What happened, as both reports word it: the message and, for a safety event, the rules it broke.
    package var what: String {
        kind == .safety && !rules.isEmpty ? message + " — " + rules.joined(separator: ", ") : message
    }
}
