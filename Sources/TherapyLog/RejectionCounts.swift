/// The `rejected` events: how many, and per rule id how many named it.
public struct RejectionCounts: Hashable, Sendable {
    /// The number of `rejected` events.
    public var total = 0
    /// Rule ids as the device wrote them.
    public var byRule: [String: Int] = [:]

    public init(total: Int = 0, byRule: [String: Int] = [:]) {
        self.total = total
        self.byRule = byRule
    }
}
