import Report
import TherapyLog

/// The attention block at the top of the `scs analyze` report: what a clinician looks at first, each
/// repeat folded into its first event and each kind cut short (the sections below keep every count).
enum AnalysisAttentionText {
    /// Items of one kind shown before the list is cut short.
    static let shownPerKind = 3

    static func render(_ attention: Attention) -> [String] {
        guard !attention.isEmpty else { return ["Attention  " + Terminal.paint("Nothing needs attention.", .green)] }
        let (shown, hidden) = attention.items(atMost: shownPerKind)
        var lines = ["Attention"]
        for item in shown {
            let text = "\(item.isError ? "✗" : "!") \(item.kind.rawValue), " + event(item)
            lines += wrapped(Terminal.escaped(text)).map { Terminal.paint($0, item.isError ? .red : .yellow) }
        }
        for kind in AttentionItem.Kind.allCases {
            guard let count = hidden[kind] else { continue }
            lines.append("  … and \(count) more \(kind.rawValue) item\(count == 1 ? "" : "s")")
        }
        if attention.omitted > 0 { lines.append("  … and \(attention.omitted) more events") }
        return lines
    }

    /// One item without its kind: `line 12, 2026-10-01T08:00:00Z: what happened (×3, the first shown)`.
    static func event(_ item: AttentionItem) -> String {
        "line \(item.line), \(item.time): \(item.what)" + (item.count > 1 ? " (×\(item.count), the first shown)" : "")
    }

    /// `text` in lines of at most 120 columns, broken at spaces, the first indented by two and the
    /// rest by four.
    static func wrapped(_ text: String) -> [String] {
        var lines: [String] = []
        var line = "  "
        for word in text.split(separator: " ") {
            if line.count + word.count >= 120, line.count > 4 {
                lines.append(line)
                line = "    "
            } else if line.count > 2, line != "    " {
                line += " "
            }
            line += word
        }
        return lines + [line]
    }
}
