/// A command the device refused: who sent it, the rule ids it gave, and the request as written.
public struct RejectedCommand: Hashable, Sendable {
    /// Who sent the command.
    public var by: EventOrigin
    /// The rule ids as the device wrote them (not necessarily ids this version knows).
    public var rules: [String]
    /// The refused request, kept as written.
    public var request: JSONValue

    public init(by: EventOrigin, rules: [String], request: JSONValue) {
        self.by = by
        self.rules = rules
        self.request = request
    }
}
