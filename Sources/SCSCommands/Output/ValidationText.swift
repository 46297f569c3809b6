import DeviceProfiles
import Report
import StimSafety

/// The human report of `scs validate`: the program, the verdict, every finding and the metrics.
enum ValidationText {
    static func render(
        profile: DeviceProfile, program: StimProgram, validation: Validation, acknowledged: RuleSet
    ) -> String {
        var lines: [String] = []
        lines.append(Terminal.escaped("Device   \(profile.id) — \(profile.name)"))
        lines.append(Terminal.escaped("Program  \(ProgramText.summary(program))", keepingLineBreaks: true))
        lines.append("")
        lines.append("Verdict  " + verdictLine(validation, acknowledged: acknowledged))
        if !validation.findings.isEmpty {
            lines.append("")
            var table = TextTable(["", "severity", "rule", "finding"])
            for finding in validation.findings {
                let mark = finding.severity == .error ? "✗" : (acknowledged.contains(finding.rule) ? "✓" : "!")
                table.add([mark, finding.severity.rawValue, finding.rule.name, finding.message])
            }
            lines.append(
                table.render(indent: "  ") { row, column, cell in
                    guard column <= 1 else { return cell }
                    let finding = validation.findings[row]
                    return Terminal.paint(cell, finding.severity == .error ? .red : .yellow)
                })
        }
        lines.append("")
        lines.append("Metrics")
        lines.append(MetricsText.render(validation.metrics, assumed: profile.assumedFields, indent: "  "))
        let pending = validation.findings.filter { $0.severity == .warning && !acknowledged.contains($0.rule) }
        if validation.verdict != .rejected, !pending.isEmpty {
            let flags = RuleSet(pending.map(\.rule)).rules.map { "--acknowledge \($0.name)" }.joined(separator: " ")
            lines.append("")
            lines.append("To send it, acknowledge each warning: \(flags)")
        }
        return lines.joined(separator: "\n")
    }

    private static func verdictLine(_ validation: Validation, acknowledged: RuleSet) -> String {
        let sendable = validation.maySend(acknowledging: acknowledged)
        switch validation.verdict {
        case .accepted: return Terminal.paint("ACCEPTED", .green) + " — may be sent"
        case .acceptedWithWarnings:
            return Terminal.paint("ACCEPTED WITH WARNINGS", .yellow)
                + (sendable
                    ? " — may be sent (warnings acknowledged)" : " — not sent until every warning is acknowledged")
        case .rejected: return Terminal.paint("REJECTED", .red) + " — never sent"
        }
    }
}

/// The metrics table of `scs validate` and the session.
enum MetricsText {
    /// The table, each figure resting on one of the profile's `assumed` fields marked with them.
    static func render(_ metrics: Metrics, assumed: [String], indent: String) -> String {
        var table = TextTable(["metric", "value"])
        func add(_ label: String, _ key: String, _ value: String) {
            let fields = Metrics.assumed(key, among: assumed)
            table.add([label, value + (fields.isEmpty ? "" : " (assumed: \(fields.joined(separator: ", ")))")])
        }
        add("charge per phase", "chargePerPhase", Format.number(metrics.chargePerPhase, decimals: 3) + " µC")
        add("max charge density", "maxChargeDensity", Format.number(metrics.maxChargeDensity, decimals: 2) + " µC/cm²")
        add("max Shannon k", "maxShannonK", metrics.maxShannonK.map { Format.number($0, decimals: 2) } ?? "—")
        add("max required voltage", "maxRequiredVoltage", Format.number(metrics.maxRequiredVoltage, decimals: 2) + " V")
        if let rate = metrics.pulseRate {
            add("pulse rate", "pulseRate", Format.number(rate, decimals: 1) + " pulses/s")
        }
        if let current = metrics.stimulationCurrent {
            add("stimulation current", "stimulationCurrent", Format.number(current, decimals: 1) + " µA")
        }
        if let current = metrics.batteryCurrent {
            add("battery current", "batteryCurrent", Format.number(current, decimals: 1) + " µA")
        }
        if let days = metrics.rechargeIntervalDays {
            add("recharge interval", "rechargeIntervalDays", Format.number(days, decimals: 1) + " days")
        }
        if let years = metrics.longevityYears {
            add("longevity", "longevityYears", Format.number(years, decimals: 1) + " years")
        }
        return table.render(indent: indent).split(separator: "\n").dropFirst().joined(separator: "\n")
    }
}
