/// The `state` of a `charge` event.
public enum ChargeState: String, CaseIterable, Hashable, Sendable {
    /// The recharge session began.
    case start
    /// The recharge session ended.
    case end
}
