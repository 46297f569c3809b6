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
        let rows = shown.map { item in
            var what = item.message
            if item.kind == .safety, !item.rules.isEmpty { what += " — " + item.rules.joined(separator: ", ") }
            return [
                item.kind.rawValue, item.time.rfc3339, String(item.line), item.isError ? "error" : "warning",
                String(item.count), what,
            ]
        }
        var parts = [
            heading,
            Markup.table(
                ["kind", "first", "line", "severity", "events", "what"], rows, numericColumns: [2, 4],
                rowClasses: shown.map { $0.isError ? "error" : "warning" }),
        ]
        let more =
            AttentionItem.Kind.allCases.compactMap { kind in hidden[kind].map { "\($0) more \(kind.rawValue)" } }
            + (attention.omitted > 0 ? ["\(attention.omitted) more events"] : [])
        if !more.isEmpty {
            parts.append(
                Markup.element("p", [("class", "more")], Markup.escape("… and " + more.joined(separator: ", "))))
        }
        return parts.joined(separator: "\n")
    }
}
