import TherapyLog

/// The report's chart of therapy hours per day: one bar per day (per week or longer over a long
/// span, as the mean per day), with the mean over the whole span as a dashed line.
enum AnalysisUsageChart {
    /// More days than this are grouped, so that a bar stays wide enough to see.
    static let maximumBars = 400

    static func render(_ report: RecordingReport) -> String {
        guard !report.localDays.isEmpty else {
            return Markup.element("p", [("class", "empty")], "No recorded days.")
        }
        var chart = AnalysisChart(height: 220, start: report.wallStart, end: report.wallEnd, values: 0...24)
        let width =
            [1, 7, 14, 28, 56, 112, 224, 448].first { (report.localDays.count + $0 - 1) / $0 <= maximumBars } ?? 896
        var index = 0
        while index < report.localDays.count {
            let group = report.localDays[index..<min(index + width, report.localDays.count)]
            index += width
            guard let first = group.first else { continue }
            let hours = group.reduce(0) { $0 + $1.therapyHours } / Double(group.count)
            guard hours > 0 else { continue }
            let extent = chart.x(RecordingSeries.Days(firstDay: first.dayNumber, days: group.count))
            let gap = extent.upperBound - extent.lowerBound > 4 ? 1.0 : 0
            let label =
                width == 1
                ? "\(first.date): \(Format.hours(hours)) of therapy"
                : "\(first.date) + \(group.count - 1) days: \(Format.hours(hours)) of therapy per day on average"
            chart.add(
                Markup.element(
                    "rect",
                    [
                        ("class", "bar therapy"), ("x", AnalysisChart.number(extent.lowerBound + gap / 2)),
                        ("y", AnalysisChart.number(chart.y(hours))),
                        ("width", AnalysisChart.number(max(extent.upperBound - extent.lowerBound - gap, 0.5))),
                        ("height", AnalysisChart.number(chart.y(0) - chart.y(hours))),
                    ], Markup.element("title", [], Markup.escape(label))))
        }
        let mean = report.therapyHours / Double(report.localDays.count)
        let y = AnalysisChart.number(chart.y(mean))
        chart.add(
            Markup.element(
                "line",
                [
                    ("class", "mean"), ("x1", AnalysisChart.number(chart.plotLeft)),
                    ("x2", AnalysisChart.number(chart.plotRight)), ("y1", y), ("y2", y),
                ],
                Markup.element("title", [], "mean \(Format.hours(mean)) per day")))
        let caption =
            width == 1
            ? "Therapy delivered per day, in hours; dashed: the mean per day"
            : "Therapy delivered per day, averaged over \(width)-day groups, in hours; dashed: the mean per day"
        return Markup.element(
            "figure", [("class", "usage")],
            Markup.element("figcaption", [], Markup.escape(caption))
                + chart.svg(label: caption, ticks: [0, 6, 12, 18, 24].map { ($0, "\(Int($0)) h") }))
    }
}
