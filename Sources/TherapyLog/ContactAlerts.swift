/// Impedance alerts on one lead contact.
public struct ContactAlerts: Hashable, Sendable {
    /// The lead contact number.
    public var contact: Int
    /// Measurements below the short threshold.
    public var shorts: Int
    /// Measurements above the open threshold.
    public var opens: Int
}
