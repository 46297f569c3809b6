/// The `rejected` events: how many, and per rule id how many named it (in JSON, `total` and `byRule`).
public struct RejectionCounts: Hashable, Sendable, Encodable {
    /// The number of `rejected` events.
    public var total = 0
    /// Rule ids as the device wrote them.
    public var byRule: [String: Int] = [:]

    /// Counts one `rejected` event naming `rules`, each rule once however often it is named.
    mutating func count(naming rules: [String]) {
        total += 1
        // A refusal names a rule or two: checking the earlier ones beats making a set of them.
        if rules.count > 8 {
            for rule in Set(rules) { byRule[rule, default: 0] += 1 }
            return
        }
        for (index, rule) in rules.enumerated() where !rules[..<index].contains(rule) {
            byRule[rule, default: 0] += 1
        }
    }
}
