import TherapyLog

/// The report's battery charts: the level (the lowest to highest of each period of the report's
/// timeline as a bar, the last of each as a line) and, below it on the same time axis, the time spent
/// recharging in each period.
enum AnalysisBatteryChart {
    static func render(_ report: RecordingReport) -> String {
        let battery = report.series.battery
        let charging = report.series.charging.filter { $0.hours > 0 }
        guard !battery.isEmpty || !charging.isEmpty else {
            return Markup.element(
                "p", [("class", "empty")], "No battery level or recharge session was recorded.")
        }
        var figures: [String] = []
        if !battery.isEmpty { figures.append(level(battery, report)) }
        if !charging.isEmpty { figures.append(recharging(charging, report)) }
        return figures.joined(separator: "\n")
    }

    private static func level(_ battery: [RecordingSeries.Battery], _ report: RecordingReport) -> String {
        var chart = AnalysisChart(height: 190, report: report, values: 0...100)
        for bucket in battery {
            let range =
                bucket.minimum == bucket.maximum
                ? "\(Format.number(bucket.last, decimals: 1)) %"
                : "\(Format.number(bucket.minimum, decimals: 1))–\(Format.number(bucket.maximum, decimals: 1)) %, "
                    + "last \(Format.number(bucket.last, decimals: 1)) %"
            chart.addSpread(
                bucket.period, from: bucket.minimum, to: bucket.maximum, className: "spread battery",
                title: "\(AnalysisChartLine.name(bucket.period, report)): battery \(range)")
        }
        chart.add(
            AnalysisChartLine.polyline(battery, in: chart, className: "line battery", joinsGaps: true) {
                ($0.period, $0.last)
            })
        let caption = "Battery level in %"
        return Markup.element(
            "figure", [("class", "battery")],
            Markup.element("figcaption", [], caption)
                + chart.svg(label: caption, ticks: [0, 25, 50, 75, 100].map { ($0, "\(Int($0)) %") })
                + AnalysisChartLine.legend([
                    ("spread battery", "lowest to highest level \(AnalysisChartLine.ofThePeriod(report))"),
                    ("line battery", "last level \(AnalysisChartLine.ofThePeriod(report))"),
                ])
                + AnalysisChart.dataTable(
                    caption, [report.usage.granularity.rawValue, "lowest", "highest", "last"],
                    battery.map { bucket in
                        [bucket.period.start]
                            + [bucket.minimum, bucket.maximum, bucket.last].map {
                                Format.number($0, decimals: 1) + " %"
                            }
                    }))
    }

    private static func recharging(_ charging: [RecordingSeries.Charging], _ report: RecordingReport) -> String {
        // Top-ups of a few minutes read better in minutes than in hundredths of an hour.
        let unit: (name: String, symbol: String, perHour: Double) =
            (charging.map(\.hours).max() ?? 0) < 1 ? ("minutes", "min", 60) : ("hours", "h", 1)
        let perPeriod = charging.map { $0.hours * unit.perHour }
        let ticks = AnalysisChart.linearTicks(upTo: perPeriod.max() ?? 1, count: 3)
        var chart = AnalysisChart(
            height: 150, report: report, values: 0...(ticks.last ?? 1))
        for (bucket, amount) in zip(charging, perPeriod) {
            let extent = chart.x(bucket.period)
            let gap = extent.upperBound - extent.lowerBound > 4 ? 1.0 : 0
            let top = chart.y(amount)
            chart.add(
                AnalysisChart.mark(
                    "rect", "bar charging",
                    [
                        "x": extent.lowerBound + gap / 2, "y": top,
                        "width": max(extent.upperBound - extent.lowerBound - gap, 1), "height": chart.y(0) - top,
                    ],
                    title:
                        "\(AnalysisChartLine.name(bucket.period, report)): \(Format.hours(bucket.hours)) recharging, "
                        + "\(Format.count(bucket.sessions, "session")) started"))
        }
        var caption =
            "Recharging, in \(unit.name) per \(report.usage.granularity.rawValue) · "
            + Format.count(report.charges.count, "session")
        if let interval = report.charges.meanIntervalHours {
            caption += ", one every \(Format.hours(interval)) on average"
        }
        return Markup.element(
            "figure", [("class", "charging")],
            Markup.element("figcaption", [], Markup.escape(caption))
                + chart.svg(
                    label: caption, ticks: ticks.map { ($0, Format.number($0, decimals: 2) + " " + unit.symbol) })
                + AnalysisChart.dataTable(
                    caption, [report.usage.granularity.rawValue, "recharging", "sessions started"],
                    charging.map { [$0.period.start, Format.hours($0.hours), String($0.sessions)] }))
    }
}
