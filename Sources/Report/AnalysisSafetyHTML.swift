import StimSafety
import TherapyLog

/// The tables of the HTML report: the safety re-validation, the refused commands and the reading findings.
enum AnalysisSafetyHTML {
    /// Reading findings listed before the table is cut short.
    static let shownFindings = 500
    /// Tables with more rows than this start folded.
    static let foldedAbove = 12

    static func render(_ report: RecordingReport) -> String {
        var parts: [String] = []
        let safety = report.safety
        if let unevaluated = Format.notEvaluated(safety.notEvaluated) {
            parts.append(
                Markup.element(
                    "p", [("class", "verdict warning")], Markup.escape("Rules " + unevaluated)))
        }
        if safety.rules.isEmpty {
            parts.append(
                Markup.element(
                    "p", [("class", "verdict ok")], "Every program and amplitude event passes the device’s rules."))
        } else {
            parts.append(
                Markup.element(
                    "p", [("class", safety.eventsWithErrors > 0 ? "verdict error" : "verdict warning")],
                    Markup.escape(
                        "\(Format.count(safety.eventsWithErrors, "event")) with errors, "
                            + "\(Format.count(safety.eventsWithWarnings, "event")) with warnings. Rules: "
                            + safety.rules.map(\.name).joined(separator: ", "))))
            let rows = safety.flaggedEvents.map { event in
                [
                    String(event.line), event.type, String(event.slot), event.verdict.rawValue,
                    event.rules.map(\.name).joined(separator: ", "),
                ]
            }
            parts.append(
                collapsible(
                    "Flagged events", count: rows.count,
                    Markup.table(
                        ["line", "event", "slot", "verdict", "rules"], rows, numericColumns: [0, 2],
                        rowClasses: safety.flaggedEvents.map { $0.verdict == .rejected ? "error" : "warning" })))
            if safety.eventsFlagged > safety.flaggedEvents.count {
                parts.append(
                    Markup.element(
                        "p", [("class", "more")],
                        "… and \(safety.eventsFlagged - safety.flaggedEvents.count) more flagged events"))
            }
        }
        parts.append(Markup.element("h3", [], "Commands the device refused"))
        if report.rejected.total == 0 {
            parts.append(Markup.element("p", [("class", "empty")], "None."))
        } else {
            let rules = report.rejected.byRule.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            let count = Format.count(report.rejected.total, "command")
            // A device refuses for other reasons than a rule too (a slot disabled for the remote); a
            // table of rules would then have no rows.
            parts.append(
                Markup.element(
                    "p", [],
                    Markup.escape(
                        rules.isEmpty ? "\(count) refused, none of them for a safety rule." : "\(count) refused.")))
            if !rules.isEmpty {
                parts.append(
                    Markup.table(
                        ["rule", "commands"], rules.map { [$0.key, String($0.value)] }, numericColumns: [1]))
            }
            parts.append(AnalysisAttentionHTML.all(report.attention, .refusal, none: ""))
        }
        parts.append(Markup.element("h3", [], "Device faults"))
        parts.append(AnalysisAttentionHTML.all(report.attention, .fault, none: "None."))
        parts.append(Markup.element("h3", [], "Reading findings"))
        if report.findings.isEmpty {
            parts.append(Markup.element("p", [("class", "empty")], "Every line was read."))
        } else {
            let shown = report.findings.prefix(shownFindings)
            parts.append(
                collapsible(
                    "Findings", count: shown.count,
                    Markup.table(
                        ["line", "kind", "reason"], shown.map { [String($0.line), $0.kind.rawValue, $0.message] },
                        numericColumns: [0])))
            if report.findings.count > shown.count {
                parts.append(
                    Markup.element(
                        "p", [("class", "more")], "… and \(report.findings.count - shown.count) more findings"))
            }
        }
        return parts.joined(separator: "\n")
    }

    /// A table that starts folded when it is long (no script: the browser's own `<details>`).
    static func collapsible(_ title: String, count: Int, _ table: String) -> String {
        Markup.element(
            "details", count <= foldedAbove ? [("open", "open")] : [],
            Markup.element("summary", [], Markup.escape("\(title) (\(count))")) + table)
    }
}
