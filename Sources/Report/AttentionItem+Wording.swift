import TherapyLog

extension AttentionItem {
    /// What happened, as both reports word it: the message, for a safety event the rules it broke, and
    /// the assumed profile values the verdict rests on.
    package var what: String {
        let what = kind == .safety && !rules.isEmpty ? message + " — " + rules.joined(separator: ", ") : message
        return what + Format.assumed(assumed)
    }
}
