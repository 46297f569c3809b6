import RecordingFormat
import TherapyLog

/// Lines, dots and legends shared by the report's time-series charts.
enum AnalysisChartLine {
    /// A polyline through the centres of the buckets `value` gives a value for, broken where a bucket
    /// has none or (unless `joinsGaps`, for samples such as measurements) where periods are missing
    /// between two buckets; single points become dots.
    static func polyline<Bucket>(
        _ buckets: [Bucket], in chart: AnalysisChart, className: String, joinsGaps: Bool = false,
        _ value: (Bucket) -> (period: UsageTimeline.Period, value: Double)?
    ) -> String {
        var runs: [[(Double, Double)]] = []
        var run: [(Double, Double)] = []
        var nextStart: Timestamp?
        for bucket in buckets {
            guard let (period, number) = value(bucket) else {
                if !run.isEmpty { runs.append(run) }
                run = []
                nextStart = nil
                continue
            }
            if !joinsGaps, let nextStart, nextStart != period.wallSpan.lowerBound, !run.isEmpty {
                runs.append(run)
                run = []
            }
            let extent = chart.x(period)
            run.append(((extent.lowerBound + extent.upperBound) / 2, chart.y(number)))
            nextStart = period.wallSpan.upperBound
        }
        if !run.isEmpty { runs.append(run) }
        return runs.map { run in
            if run.count == 1, let point = run.first {
                return AnalysisChart.mark("circle", className, ["cx": point.0, "cy": point.1, "r": 2.5])
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

    /// A period of `report`'s timeline as a tooltip names it: `2026-10-01` (or its hour), or
    /// `week of 2026-09-28` for a longer one.
    static func name(_ period: UsageTimeline.Period, _ report: RecordingReport) -> String {
        switch report.usage.granularity {
        case .hour, .day: period.start
        case let granularity: "\(granularity.rawValue) of \(period.start)"
        }
    }

    /// `of the day`, `of the week`, …: what a chart's legend says each mark sums up.
    static func ofThePeriod(_ report: RecordingReport) -> String { "of the \(report.usage.granularity.rawValue)" }
}
