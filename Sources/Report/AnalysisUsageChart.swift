import RecordingFormat
import TherapyLog

/// The report's chart of therapy over time: one bar per period of the report's timeline (hours of a
/// short recording, else days, weeks, months or years, as the mean per day), with the mean over the
/// whole span as a dashed line.
enum AnalysisUsageChart {
    static func render(_ report: RecordingReport) -> String {
        let usage = report.usage
        guard !usage.periods.isEmpty else {
            return Markup.element("p", [("class", "empty")], "No recorded days.")
        }
        let isHourly = usage.granularity == .hour
        // Minutes per hour, or hours per day.
        let scale: Double = isHourly ? 60 : 24
        let unit = isHourly ? "min" : "h"
        var chart = AnalysisChart(height: 220, report: report, values: 0...scale)
        var rows: [[String]] = []
        for period in usage.periods {
            let value = period.share * scale
            rows.append([period.start, isHourly ? Format.number(value, decimals: 0) + " min" : Format.hours(value)])
            guard period.therapyHours > 0 else { continue }
            let extent = chart.x(period)
            let gap = extent.upperBound - extent.lowerBound > 4 ? 1.0 : 0
            let amount = rows[rows.count - 1][1]
            let label =
                switch usage.granularity {
                case .hour, .day: "\(period.start): \(amount) of therapy"
                default:
                    "\(usage.granularity.rawValue) of \(period.start): \(amount) of therapy per day on average"
                }
            chart.add(
                AnalysisChart.mark(
                    "rect", "bar therapy",
                    [
                        "x": extent.lowerBound + gap / 2, "y": chart.y(value),
                        "width": max(extent.upperBound - extent.lowerBound - gap, 0.5),
                        "height": chart.y(0) - chart.y(value),
                    ], title: label))
        }
        let mean = report.recordedHours > 0 ? report.therapyHours / report.recordedHours * scale : 0
        let y = chart.y(mean)
        let meanText = isHourly ? Format.number(mean, decimals: 0) + " min per hour" : Format.hours(mean) + " per day"
        chart.add(
            AnalysisChart.mark(
                "line", "mean", ["x1": chart.plotLeft, "x2": chart.plotRight, "y1": y, "y2": y],
                title: "mean \(meanText)"))
        let zone = report.timeZone.identifier
        let caption =
            isHourly
            ? "Therapy delivered per hour (\(zone)), in minutes; dashed: the mean per hour"
            : "Therapy delivered per \(usage.granularity.rawValue) (\(zone)), in hours per day; dashed: the mean per day"
        let ticks = (isHourly ? [0.0, 15, 30, 45, 60] : [0.0, 6, 12, 18, 24]).map { ($0, "\(Int($0)) \(unit)") }
        return Markup.element(
            "figure", [("class", "usage")],
            Markup.element("figcaption", [], Markup.escape(caption)) + chart.svg(label: caption, ticks: ticks)
                + AnalysisChart.dataTable(
                    caption, [usage.granularity.rawValue, isHourly ? "therapy" : "therapy per day"], rows))
    }
}
