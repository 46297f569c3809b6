/// The human report of `scs check`: a line per case and a closing count.
enum CheckText {
    static func render(_ results: [CheckResult]) -> String {
        var lines = results.map { result in
            result.passed
                ? Terminal.paint("✓", .green) + " " + Terminal.escaped(result.name)
                : Terminal.paint("✗", .red) + " "
                    + Terminal.escaped("\(result.name) (\(result.device)): \(result.difference)")
        }
        let failed = results.filter { !$0.passed }.count
        lines.append("")
        lines.append("check: \(results.count - failed) passed, \(failed) failed")
        return lines.joined(separator: "\n")
    }
}
