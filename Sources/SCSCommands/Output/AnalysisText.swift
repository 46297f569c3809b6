import DeviceProfiles
import Report
import StimSafety
import TherapyLog

/// The human report of `scs analyze` for one recording: summary, programs, adjustments, charges,
/// impedance and safety, a per-day usage strip and the reading findings.
enum AnalysisText {
    static func render(_ report: RecordingReport, profile: DeviceProfile) -> String {
        var lines = summary(report, profile: profile)
        lines.append("")
        lines.append(contentsOf: AnalysisAttentionText.render(report.attention))
        if !report.programs.isEmpty {
            lines.append("")
            lines.append("Programs")
            lines.append(programTable(report))
        }
        lines.append(contentsOf: AnalysisProgramsText.render(report, profile: profile))
        lines.append("")
        lines.append(contentsOf: events(report, limits: profile.limits))
        lines.append(contentsOf: AnalysisSafetyText.render(report.safety, assumed: report.assumedFigures["safety"]))
        if !report.usage.periods.isEmpty {
            lines.append("")
            lines.append(contentsOf: AnalysisUsageStrip.render(report.usage, zone: report.timeZone))
        }
        lines.append(contentsOf: AnalysisSeriesText.render(report, limits: profile.limits))
        lines.append(contentsOf: findings(report.findings))
        lines.append("")
        lines.append("Written by scs \(SCSVersion.text)")
        return lines.joined(separator: "\n")
    }

    private static func summary(_ report: RecordingReport, profile: DeviceProfile) -> [String] {
        var device = "\(report.device) · serial \(report.serial)"
        if profile.id != report.device {
            device += " · judged as \(profile.id) — \(profile.name)"
        } else {
            device += " — \(profile.name)"
        }
        var span =
            "\(report.spanText) · \(Format.hours(report.recordedHours)) over \(Format.count(report.localDays.count, "day"))"
        if report.isTruncated { span += " · " + Terminal.paint("TRUNCATED", .yellow) + " (no end line)" }
        span += " · times in \(report.timeZone.identifier)"
        let usage = report.usagePercent.map { " (\(Format.number($0, decimals: 1)) % of the recorded time)" } ?? ""
        return [
            "Recording  " + Terminal.escaped(report.file),
            "Device     " + Terminal.escaped(device),
            "Span       \(span)",
            "Therapy    \(Format.hours(report.therapyHours)) delivered\(usage) · on "
                + "\(report.localDaysWithTherapy) of \(Format.count(report.localDays.count, "day"))",
            "Charge     \(Format.coulombs(report.deliveredCharge)) cathodic charge delivered",
        ]
    }

    private static func programTable(_ report: RecordingReport) -> String {
        var table = TextTable(
            ["slot", "therapy", "share", "mean amplitude"], alignments: [.right, .right, .right, .right])
        for program in report.programs {
            let share = report.therapyHours > 0 ? 100 * program.therapyHours / report.therapyHours : 0
            table.add([
                String(program.slot), Format.hours(program.therapyHours), Format.number(share, decimals: 1) + " %",
                Format.number(program.meanAmplitude, decimals: 2) + " mA",
            ])
        }
        return table.render(indent: "  ")
    }

    private static func events(_ report: RecordingReport, limits: DeviceLimits) -> [String] {
        var lines: [String] = []
        let adjustments = report.adjustments
        lines.append(
            "Adjustments  \(adjustments.patient) by the patient, \(adjustments.clinician) by the clinician, "
                + "\(adjustments.device) by the device")
        var rejected = "Rejected     \(Format.count(report.rejected.total, "command"))"
        if !report.rejected.byRule.isEmpty {
            let rules = report.rejected.byRule.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            rejected += ": " + rules.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
        }
        lines.append(Terminal.escaped(rejected))
        lines += listed(report.attention, .refusal)
        let faults = report.attention.items.filter { $0.kind == .fault }.reduce(0) { $0 + $1.count }
        lines.append("Faults       " + (faults == 0 ? "none" : Format.count(faults, "fault") + ":"))
        lines += listed(report.attention, .fault)
        var charges = "Charges      \(Format.count(report.charges.count, "session"))"
        if let interval = report.charges.meanIntervalHours {
            charges += ", one every \(Format.hours(interval)) on average"
        }
        lines.append(charges)
        if let projection = report.batteryProjection { lines += battery(projection, zone: report.timeZone) }
        let thresholds = "\(limits.impedance.short.decimalText)–\(limits.impedance.open.description)"
        var impedance =
            "Impedance    \(Format.count(report.impedanceAlerts, "alert")) outside \(thresholds)"
            + Format.assumed(report.assumedFigures["impedanceAlerts"])
        if !report.impedanceAlertsByContact.isEmpty {
            impedance +=
                ": "
                + report.impedanceAlertsByContact.map { alerts in
                    var parts: [String] = []
                    if alerts.shorts > 0 { parts.append("short ×\(alerts.shorts)") }
                    if alerts.opens > 0 { parts.append("open ×\(alerts.opens)") }
                    return "contact \(alerts.contact) " + parts.joined(separator: ", ")
                }.joined(separator: "; ")
        }
        impedance = Terminal.escaped(impedance)
        lines.append(report.impedanceAlerts > 0 ? Terminal.paint(impedance, .yellow) : impedance)
        if !report.assumedProfileValues.isEmpty {
            // One line: `TextWidth` wraps it under the figures' column where it is printed.
            lines.append(
                Terminal.escaped("Assumed      profile values: " + report.assumedProfileValues.joined(separator: ", ")))
        }
        return lines
    }

    /// The battery projection, said to be an estimate, with what it rests on, on two lines.
    private static func battery(_ projection: BatteryProjection, zone: ReportZone) -> [String] {
        let due = projection.event == .recharge ? "next recharge" : "replacement"
        var basis =
            "from \(Format.number(projection.level, decimals: 0)) % on \(zone.rfc3339(projection.levelAt).prefix(10)) at "
            + "\(Format.number(projection.drainPercentPerDay, decimals: 2)) % a day, "
            + (projection.isDrainObserved ? "as the recorded levels fell" : "as the model drains")
        if !projection.assumed.isEmpty { basis += "; assumed: " + projection.assumed.joined(separator: ", ") }
        return [
            "Battery      \(due) due about \(zone.rfc3339(projection.date).prefix(10)), \(BatteryProjection.basis)",
            "             " + basis,
        ]
    }

    /// Every attention item of `kind`, one per line under its section's line.
    private static func listed(_ attention: Attention, _ kind: AttentionItem.Kind) -> [String] {
        attention.items.filter { $0.kind == kind }.flatMap {
            AnalysisAttentionText.wrapped(Terminal.escaped(AnalysisAttentionText.event($0)))
        }
    }

    private static func findings(_ findings: [ReadingFinding]) -> [String] {
        guard !findings.isEmpty else { return [] }
        var table = TextTable(["line", "kind", "reason"], alignments: [.right, .left, .left])
        for finding in findings { table.add([String(finding.line), finding.kind.rawValue, finding.message]) }
        return ["", "Reading findings (\(findings.count))", table.render(indent: "  ")]
    }
}
