import RecordingFormat
import TherapyLog

/// The "Needs attention" block at the top of each recording's section: what a clinician looks at
/// first, each repeat folded into its first event, each kind cut short (the sections below keep the
/// full lists). The severity is written out, so colour is never the only mark.
enum AnalysisAttentionHTML {
    /// Items of one kind listed before the table is cut short.
    static let shownPerKind = 10

    static func render(_ attention: Attention) -> String {
        let heading = Markup.element("h3", [], "Needs attention")
        guard !attention.isEmpty else {
            return heading + "\n" + Markup.element("p", [("class", "verdict ok")], "Nothing needs attention.")
        }
        let (shown, hidden) = attention.items(atMost: shownPerKind)
        var parts = [heading, list(shown)]
        let more =
            AttentionItem.Kind.allCases.compactMap { kind in hidden[kind].map { "\($0) more \(kind.rawValue)" } }
            + (attention.omitted > 0 ? ["\(attention.omitted) more events"] : [])
        if !more.isEmpty {
            parts.append(
                Markup.element("p", [("class", "more")], Markup.escape("… and " + more.joined(separator: ", "))))
        }
        return parts.joined(separator: "\n")
    }

    /// Every item of `kind` (the refusals with their reasons, the faults), or `none` when there is none.
    static func all(_ attention: Attention, _ kind: AttentionItem.Kind, none: String) -> String {
        let items = attention.items.filter { $0.kind == kind }
        return items.isEmpty ? Markup.element("p", [("class", "empty")], Markup.escape(none)) : list(items)
    }

    /// The items as a list: the severity in words (coloured by the `verdict` classes), kind, line, first
    /// time and count on one line, what happened on the next; a list wraps at any width, as a table of
    /// long messages does not.
    private static func list(_ items: [AttentionItem]) -> String {
        let entries = items.map { item in
            let severity = item.isError ? "error" : "warning"
            let repeats = item.count > 1 ? " · \(item.count) events, the first shown" : ""
            return Markup.element(
                "li", [],
                Markup.element("span", [("class", "verdict \(severity)")], severity)
                    + Markup.escape(" · \(item.kind.rawValue) · line \(item.line) · \(item.time.rfc3339)\(repeats)")
                    + Markup.empty("br", []) + Markup.escape(item.what))
        }
        return Markup.element("ul", [("class", "attention")], entries.joined(separator: "\n"))
    }
}
