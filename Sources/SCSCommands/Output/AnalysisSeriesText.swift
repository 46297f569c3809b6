import Report
import StimSafety
import TherapyLog

/// The figures of the HTML report's amplitude, battery and impedance charts as one table, a row per
/// period of the report's timeline: each value as `lowest–highest (representative)`, the
/// representative being the mean delivered amplitude, the last battery level and the mean impedance.
enum AnalysisSeriesText {
    /// The most value columns: with the period's, a table within 120 columns.
    static let columnLimit = 5

    static func render(_ report: RecordingReport, limits: DeviceLimits) -> [String] {
        let delivered = Set(report.programs.filter { $0.therapyHours > 0 }.map(\.slot))
        let short = limits.impedance.short.doubleValue
        let open = limits.impedance.open.doubleValue
        var columns: [(header: String, cells: [String: String])] = []
        for series in report.series.amplitude where delivered.contains(series.slot) {
            columns.append(
                ("slot \(series.slot) mA", cells(series.buckets) { ($0.period, $0.minimum, $0.maximum, $0.mean) }))
        }
        if !report.series.battery.isEmpty {
            columns.append(("battery %", cells(report.series.battery) { ($0.period, $0.minimum, $0.maximum, $0.last) }))
        }
        // Only the contacts that left the normal band, as the HTML report details them.
        for series in report.series.impedance
        where series.buckets.contains(where: { $0.minimum < short || $0.maximum > open }) {
            columns.append(
                ("contact \(series.contact) Ω", cells(series.buckets) { ($0.period, $0.minimum, $0.maximum, $0.mean) }))
        }
        guard !columns.isEmpty else { return [] }
        let shown = columns.prefix(columnLimit)
        let granularity = report.usage.granularity
        var title =
            "Over time by \(granularity == .week ? "week from Monday" : granularity.rawValue), times in "
            + report.timeZone.identifier
        if columns.count > shown.count { title += " (\(columns.count - shown.count) more columns in the HTML report)" }
        var table = TextTable(
            [granularity.rawValue] + shown.map(\.header), alignments: [.left] + shown.map { _ in .right })
        for period in report.usage.periods {
            let row = shown.map { $0.cells[period.start] ?? "–" }
            if row.contains(where: { $0 != "–" }) { table.add([period.start] + row) }
        }
        return [
            "", title, "  each: lowest–highest (mean delivered amplitude, last battery level, mean impedance)",
            table.render(indent: "  "),
        ]
    }

    /// Each bucket's cell by its period's start.
    private static func cells<Bucket>(
        _ buckets: [Bucket],
        _ figures: (Bucket) -> (period: UsageTimeline.Period, lowest: Double, highest: Double, typical: Double?)
    ) -> [String: String] {
        var cells: [String: String] = [:]
        for bucket in buckets {
            let (period, lowest, highest, typical) = figures(bucket)
            var cell =
                lowest == highest
                ? Format.number(lowest, decimals: 2)
                : "\(Format.number(lowest, decimals: 2))–\(Format.number(highest, decimals: 2))"
            if let typical, lowest != highest || typical != lowest {
                cell += " (\(Format.number(typical, decimals: 2)))"
            }
            cells[period.start] = cell
        }
        return cells
    }
}
