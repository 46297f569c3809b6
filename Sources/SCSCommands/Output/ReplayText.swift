import Replay

/// The human report of `scs replay`: what was driven, then every divergence and note by line.
enum ReplayText {
    static func render(_ report: ReplayReport) -> String {
        var lines = [
            Terminal.escaped("Replay   \(report.file) (\(report.device)) on the \(report.target)"),
            "Driven   \(report.commands) commands; \(report.notDriven) readings and device events not driven",
        ]
        if !report.skippedLines.isEmpty {
            lines.append("Skipped  lines " + report.skippedLines.map(String.init).joined(separator: ", "))
        }
        lines.append("")
        if report.divergences.isEmpty {
            lines.append(Terminal.paint("No divergence", .green) + ": the device did what the recording says.")
        } else {
            let count = report.divergences.count
            lines.append(Terminal.paint("\(count) divergence\(count == 1 ? "" : "s")", .red))
            var table = TextTable(["line", "kind", "rules", "what"])
            for divergence in report.divergences {
                table.add([
                    "\(divergence.line)", divergence.kind.rawValue,
                    divergence.rules.isEmpty ? "—" : divergence.rules.joined(separator: ", "), divergence.message,
                ])
            }
            lines.append(table.render(indent: "  "))
        }
        if !report.notes.isEmpty {
            lines.append("")
            lines.append("Notes")
            lines += report.notes.map { "  line \($0.line): " + Terminal.escaped($0.message) }
        }
        return lines.joined(separator: "\n")
    }
}
