import TherapyLog

/// The report's impedance overview: one row per lead contact and one cell per measured period of the
/// report's timeline, coloured by the band its measurements fell in, so that a lead's history reads at a
/// glance. Cells past a threshold also carry a pattern (hatched below the short threshold, crossed
/// above the open one) and their contact's label a ⚠, so that colour is never the only sign.
enum AnalysisImpedanceHeatMap {
    // Tall enough for a contact label at the phone size of the style sheet (30 units).
    static let rowHeight = 26.0

    /// Where a cell's measurements fell; the raw value names the cell's style class and pattern.
    enum Band: String {
        case normal
        case short
        case open

        init(_ bucket: RecordingSeries.ImpedanceBucket, short: Double, open: Double) {
            self = bucket.minimum < short ? .short : bucket.maximum > open ? .open : .normal
        }
    }

    /// The heat map of `contacts` (each with measurements), its legend and its figures as a table.
    static func render(
        _ contacts: [RecordingSeries.ContactImpedance], _ report: RecordingReport, short: Double, open: Double
    ) -> String {
        let rows = Double(contacts.count)
        var chart = AnalysisChart(
            height: AnalysisChart.margin.top + rows * rowHeight + AnalysisChart.margin.bottom, report: report,
            values: 0...rows)
        var ticks: [(Double, String)] = []
        for (row, series) in contacts.enumerated() {
            let top = chart.y(rows - Double(row))
            var hasLeft = false
            for bucket in series.buckets {
                let band = Band(bucket, short: short, open: open)
                hasLeft = hasLeft || band != .normal
                let extent = chart.x(bucket.period)
                chart.add(
                    AnalysisChart.mark(
                        "rect", "cell " + band.rawValue,
                        [
                            "x": extent.lowerBound, "y": top + 2,
                            "width": max(extent.upperBound - extent.lowerBound, 1.5), "height": rowHeight - 4,
                        ],
                        title: "Contact \(series.contact), " + AnalysisImpedanceChart.describe(bucket, report)))
            }
            ticks.append((rows - Double(row) - 0.5, "\(series.contact)" + (hasLeft ? " ⚠" : "")))
        }
        let caption =
            "Impedance per contact and \(report.usage.granularity.rawValue): in the normal band between the short (\(Format.ohms(short))) and open "
            + "(\(Format.ohms(open))) thresholds, or past one; ⚠ marks a contact that left the band"
        return Markup.element(
            "figure", [("class", "impedance")],
            Markup.element("figcaption", [], Markup.escape(caption))
                + chart.svg(label: caption, ticks: ticks)
                + AnalysisChartLine.legend([
                    ("cell normal", "between the thresholds"), ("cell short", "below \(Format.ohms(short)) (hatched)"),
                    ("cell open", "above \(Format.ohms(open)) (crossed)"),
                ])
                + table(contacts, report, short: short, open: open))
    }

    /// A row per cell column, a column per contact: the period's mean, or the value past a threshold.
    private static func table(
        _ contacts: [RecordingSeries.ContactImpedance], _ report: RecordingReport, short: Double, open: Double
    ) -> String {
        let byPeriod = contacts.map { series in
            Dictionary(series.buckets.map { ($0.period.start, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let periods = Set(contacts.flatMap { $0.buckets.map(\.period) }).sorted {
            $0.wallSpan.lowerBound < $1.wallSpan.lowerBound
        }
        let rows = periods.map { period in
            [period.start]
                + byPeriod.map { buckets in
                    guard let bucket = buckets[period.start] else { return "–" }
                    // Exact ohms here: 4000.5 Ω is past a 4 kΩ threshold, and says so.
                    let ohms = { (value: Double) in Format.number(value, decimals: 1) + " Ω" }
                    switch Band(bucket, short: short, open: open) {
                    case .normal: return ohms(bucket.mean)
                    case .short: return ohms(bucket.minimum) + " below short"
                    case .open: return ohms(bucket.maximum) + " above open"
                    }
                }
        }
        return AnalysisChart.dataTable(
            "Impedance per contact: the mean \(AnalysisChartLine.ofThePeriod(report)), or the value past a threshold",
            [report.usage.granularity.rawValue] + contacts.map { "contact \($0.contact)" }, rows)
    }
}
