import StimSafety

extension StimProgram {
    /// Whether two programs drive the same contacts with the same signed shares, whatever the order
    /// they are written in: a change here is a change of electrode configuration.
    func hasSameConfiguration(as other: StimProgram) -> Bool {
        Self.activeShares(contacts) == Self.activeShares(other.contacts)
    }

    private static func activeShares(_ shares: [ContactShare]) -> [ContactID: Int64] {
        var map: [ContactID: Int64] = [:]
        for share in shares where share.percent.rawValue != 0 {
            map[share.contact, default: 0] += share.percent.rawValue
        }
        return map
    }
}
