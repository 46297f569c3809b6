import Report
import StimSafety
import TherapyLog

/// The safety part of the `scs analyze` report: the counts, the rules and the first flagged events.
enum AnalysisSafetyText {
    /// Flagged events shown before the list is cut short.
    static let shownEvents = 10

    /// The section, its first line marked with the `assumed` profile values the verdicts rest on.
    static func render(_ safety: SafetySummary, assumed: [String]?) -> [String] {
        let unevaluated =
            Format.notEvaluated(safety.notEvaluated).map { ["             " + Terminal.escaped($0)] } ?? []
        guard !safety.rules.isEmpty else {
            return [
                "Safety       every program and amplitude event passes the device's rules" + Format.assumed(assumed)
            ]
                + unevaluated
        }
        let counts =
            "\(Format.count(safety.eventsWithErrors, "event")) with errors, "
            + "\(safety.eventsWithWarnings) with warnings: " + safety.rules.map(\.name).joined(separator: ", ")
            + Format.assumed(assumed)
        var lines =
            ["Safety       " + Terminal.paint(counts, safety.eventsWithErrors > 0 ? .red : .yellow)] + unevaluated
        var table = TextTable(
            ["line", "event", "slot", "verdict", "rules"], alignments: [.right, .left, .right, .left, .left])
        for event in safety.flaggedEvents.prefix(shownEvents) {
            table.add([
                String(event.line), event.type, String(event.slot), event.verdict.rawValue,
                event.rules.map(\.name).joined(separator: ", "),
            ])
        }
        lines.append(table.render(indent: "  "))
        if safety.eventsFlagged > shownEvents {
            lines.append("  … and \(safety.eventsFlagged - shownEvents) more flagged events")
        }
        return lines
    }
}
