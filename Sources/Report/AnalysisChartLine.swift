import RecordingFormat
import TherapyLog

/// Lines, dots and legends shared by the report's time-series charts.
enum AnalysisChartLine {
    /// A polyline through the centres of the buckets `value` gives a value for, broken where a bucket
    /// has none or (unless `joinsGaps`, for samples such as measurements) where days are missing
    /// between two buckets; single points become dots.
    static func polyline<Bucket>(
        _ buckets: [Bucket], in chart: AnalysisChart, className: String, joinsGaps: Bool = false,
        _ value: (Bucket) -> (days: RecordingSeries.Days, value: Double)?
    ) -> String {
        var runs: [[(Double, Double)]] = []
        var run: [(Double, Double)] = []
        var nextDay: Int64?
        for bucket in buckets {
            guard let (days, number) = value(bucket) else {
                if !run.isEmpty { runs.append(run) }
                run = []
                nextDay = nil
                continue
            }
            if !joinsGaps, let nextDay, nextDay != days.firstDay, !run.isEmpty {
                runs.append(run)
                run = []
            }
            let extent = chart.x(days)
            run.append(((extent.lowerBound + extent.upperBound) / 2, chart.y(number)))
            nextDay = days.firstDay + Int64(days.days)
        }
        if !run.isEmpty { runs.append(run) }
        return runs.map { run in
            if run.count == 1, let point = run.first {
                return Markup.empty(
                    "circle",
                    [
                        ("class", className), ("cx", AnalysisChart.number(point.0)),
                        ("cy", AnalysisChart.number(point.1)), ("r", "2.5"),
                    ])
            }
            let points = run.map { "\(AnalysisChart.number($0.0)),\(AnalysisChart.number($0.1))" }.joined(
                separator: " ")
            return Markup.empty("polyline", [("class", className), ("points", points)])
        }.joined(separator: "\n")
    }

    /// A row of legend keys, each a swatch styled like the mark of `className`.
    static func legend(_ keys: [(className: String, label: String)]) -> String {
        Markup.element(
            "ul", [("class", "legend")],
            keys.map { key in
                Markup.element(
                    "li", [],
                    Markup.element("span", [("class", "key " + key.className)], "")
                        + Markup.escape(key.label))
            }.joined())
    }

    /// `2026-10-01`, or `2026-10-01 – 2026-10-07` for a wider bucket.
    static func dates(_ days: RecordingSeries.Days) -> String {
        let first = AnalysisTimeAxis.date(Timestamp.startOfDay(days.firstDay))
        guard days.days > 1 else { return first }
        return first + " – " + AnalysisTimeAxis.date(Timestamp.startOfDay(days.firstDay + Int64(days.days) - 1))
    }
}
