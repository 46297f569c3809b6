import StimSafety
import TherapyLog

/// The report's impedance section: the heat map of every contact, then a detail chart for each
/// contact that left the normal band: the device's normal zone between the short and open thresholds
/// as a band, the thresholds as dashed lines, the lowest to highest measurement of each period of the
/// report's timeline as a bar, the mean as a line, and every period past a threshold as a red dot.
enum AnalysisImpedanceChart {
    static func render(_ report: RecordingReport, limits: DeviceLimits) -> String {
        let contacts = report.series.impedance.filter { !$0.buckets.isEmpty }
        guard !contacts.isEmpty else {
            return Markup.element(
                "p", [("class", "empty")], "No impedance was measured on the device's contacts.")
        }
        let short = limits.impedance.short.doubleValue
        let open = limits.impedance.open.doubleValue
        let lowest = contacts.flatMap(\.buckets).map(\.minimum).min() ?? short
        let highest = contacts.flatMap(\.buckets).map(\.maximum).max() ?? open
        let values = decade(below: min(short / 2, lowest * 0.8))...decade(above: max(open * 2, highest * 1.25))
        let details = contacts.filter { $0.buckets.contains { $0.minimum < short || $0.maximum > open } }.map {
            chart($0, report, values: values, short: short, open: open)
        }
        return ([AnalysisImpedanceHeatMap.render(contacts, report, short: short, open: open)] + details).joined(
            separator: "\n")
    }

    private static func chart(
        _ series: RecordingSeries.ContactImpedance, _ report: RecordingReport, values: ClosedRange<Double>,
        short: Double, open: Double
    ) -> String {
        var chart = AnalysisChart(
            height: 190, report: report, values: values, isLogarithmic: true)
        chart.add(
            AnalysisChart.mark(
                "rect", "normal",
                [
                    "x": chart.plotLeft, "y": chart.y(open), "width": chart.plotRight - chart.plotLeft,
                    "height": chart.y(short) - chart.y(open),
                ]))
        for (threshold, name) in [(short, "short"), (open, "open")] {
            let y = chart.y(threshold)
            chart.add(
                AnalysisChart.mark(
                    "line", "threshold", ["x1": chart.plotLeft, "x2": chart.plotRight, "y1": y, "y2": y],
                    title: "\(name) threshold \(Format.number(threshold, decimals: 1)) Ω"))
        }
        var alerts: [String] = []
        for bucket in series.buckets {
            let extent = chart.x(bucket.period)
            let centre = (extent.lowerBound + extent.upperBound) / 2
            chart.addSpread(
                bucket.period, from: bucket.minimum, to: bucket.maximum, className: "spread",
                title: describe(bucket, report))
            for value in [bucket.minimum, bucket.maximum] where value < short || value > open {
                alerts.append(
                    AnalysisChart.mark(
                        "circle", "alert", ["cx": centre, "cy": chart.y(value), "r": 3.5],
                        title:
                            "\(AnalysisChartLine.name(bucket.period, report)): \(Format.number(value, decimals: 1)) Ω, "
                            + (value < short ? "below the short threshold" : "above the open threshold")))
                if bucket.minimum == bucket.maximum { break }
            }
        }
        chart.add(
            AnalysisChartLine.polyline(series.buckets, in: chart, className: "line impedance", joinsGaps: true) {
                ($0.period, $0.mean)
            })
        alerts.forEach { chart.add($0) }
        let caption =
            "impedance in Ω (logarithmic), lowest to highest \(AnalysisChartLine.ofThePeriod(report)); dashed: the short "
            + "(\(Format.ohms(short))) "
            + "and open (\(Format.ohms(open))) thresholds"
        let label = "Contact \(series.contact)"
        return Markup.element(
            "figure", [("class", "contact")],
            Markup.element("h4", [], label) + Markup.element("figcaption", [], Markup.escape(caption))
                + chart.svg(label: "\(label): \(caption)", ticks: decadeTicks(values).map { ($0, Format.ohms($0)) })
                + AnalysisChartLine.legend([
                    ("normal", "between the thresholds"),
                    ("spread", "lowest to highest measurement \(AnalysisChartLine.ofThePeriod(report))"),
                    ("line impedance", "mean"), ("alert", "past a threshold"),
                ])
                + AnalysisChart.dataTable(
                    "\(label): \(caption)",
                    [report.usage.granularity.rawValue, "lowest", "highest", "mean", "measurements"],
                    series.buckets.map { bucket in
                        [bucket.period.start]
                            + [bucket.minimum, bucket.maximum, bucket.mean].map {
                                Format.number($0, decimals: 1) + " Ω"
                            }
                            + [String(bucket.measurements)]
                    }))
    }

    /// One cell's or bar's figures: `2026-10-01: 180–420 Ω, mean 300 Ω (3 measurements)`.
    static func describe(_ bucket: RecordingSeries.ImpedanceBucket, _ report: RecordingReport) -> String {
        let count = Format.count(bucket.measurements, "measurement")
        let name = AnalysisChartLine.name(bucket.period, report)
        guard bucket.minimum != bucket.maximum else {
            return "\(name): \(Format.number(bucket.minimum, decimals: 1)) Ω (\(count))"
        }
        return "\(name): \(Format.number(bucket.minimum, decimals: 1))–"
            + "\(Format.number(bucket.maximum, decimals: 1)) Ω, mean \(Format.number(bucket.mean, decimals: 1)) Ω (\(count))"
    }

    /// 1, 2 and 5 times the powers of ten within `values`.
    private static func decadeTicks(_ values: ClosedRange<Double>) -> [Double] {
        var ticks: [Double] = []
        var decade = decade(below: values.lowerBound)
        while decade <= values.upperBound {
            for factor in [1.0, 2, 5] where values.contains(decade * factor) { ticks.append(decade * factor) }
            decade *= 10
        }
        return ticks
    }

    /// The largest power of ten at or below `value` (1 for anything not positive).
    private static func decade(below value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        var decade = 1.0
        while decade > value { decade /= 10 }
        while decade * 10 <= value { decade *= 10 }
        return decade
    }

    /// The smallest power of ten at or above `value`.
    private static func decade(above value: Double) -> Double {
        let below = decade(below: value)
        return below >= value ? below : below * 10
    }
}
