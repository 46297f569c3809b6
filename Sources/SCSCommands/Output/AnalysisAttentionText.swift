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
            var text = "\(item.isError ? "✗" : "!") \(item.kind.rawValue), line \(item.line), \(item.time): "
            text += item.message
            if !item.rules.isEmpty, item.kind == .safety { text += " — " + item.rules.joined(separator: ", ") }
            if item.count > 1 { text += " (×\(item.count), the first shown)" }
            lines += wrapped(Terminal.escaped(text)).map { Terminal.paint($0, item.isError ? .red : .yellow) }
        }
        for kind in AttentionItem.Kind.allCases {
            guard let count = hidden[kind] else { continue }
            lines.append("  … and \(count) more \(kind.rawValue) item\(count == 1 ? "" : "s")")
        }
        if attention.omitted > 0 { lines.append("  … and \(attention.omitted) more events") }
        return lines
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
