/// The human report of `scs check`: a line per case and a closing count.
enum CheckText {
    static func render(_ results: [CheckResult]) -> String {
        var lines = results.map { result in
            if result.passed { return Terminal.paint("✓", .green) + " \(result.name)" }
            if result.isError { return Terminal.paint("!", .yellow) + " \(result.name): \(result.difference)" }
            return Terminal.paint("✗", .red) + " \(result.name) (\(result.device)): \(result.difference)"
        }
        let counts = results.counts
        var summary = "check: \(counts.passed) passed, \(counts.failed) failed"
        if counts.errors > 0 {
            summary += ", \(counts.errors) " + (counts.errors == 1 ? "error" : "errors") + " (cases that could not run)"
        }
        lines.append("")
        lines.append(summary)
        return lines.joined(separator: "\n")
    }
}
