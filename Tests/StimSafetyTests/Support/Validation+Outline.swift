@testable import StimSafety

extension Validation {
    /// The findings of one rule, in report order.
    func findings(for rule: RuleID) -> [Finding] { findings.filter { $0.rule == rule } }

    /// The highest severity `rule` reached, on `contact` or anywhere; nil when it did not fire.
    func severity(of rule: RuleID, at contact: ContactID? = nil) -> Severity? {
        findings(for: rule).filter { contact == nil || $0.contact == contact }.map(\.severity).max()
    }

    /// Every finding as "rule severity @contact", sorted: compact, order-free and readable in a failure.
    var outline: [String] { findings.map(\.outline).sorted() }
}

extension Finding {
    /// "shannon error @1", or "timing.period error" for a finding without a contact.
    var outline: String {
        "\(rule.name) \(severity.rawValue)" + (contact.map { " @\($0)" } ?? "")
    }
}

/// The ids of `rules`, for comparing with the spec's spelling.
func ids(_ rules: [RuleID]) -> [String] { rules.map(\.name) }
