/// The device log formats the importers read.
public enum ImportFormat: String, CaseIterable, Hashable, Sendable {
    /// A Summit RC+S session folder (`docs/domain-reference.md` §5.2).
    case rcs = "rcs-session"
    /// A Percept PC/RC session report (`docs/domain-reference.md` §5.3).
    case percept = "percept-report"

    /// The name a person reads.
    public var title: String {
        switch self {
        case .rcs: "Summit RC+S session folder"
        case .percept: "Percept session report"
        }
    }
}
