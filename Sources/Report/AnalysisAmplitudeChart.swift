import TherapyLog

/// The report's amplitude charts, one per program slot: the patient range as a band, the lowest to
/// highest amplitude of each period of the report's timeline as a bar (red where it leaves the range),
/// and the time-weighted mean of the delivered amplitude as a line.
enum AnalysisAmplitudeChart {
    static func render(_ report: RecordingReport) -> String {
        let slots = report.series.amplitude.filter { !$0.buckets.isEmpty }
        guard !slots.isEmpty else {
            return Markup.element("p", [("class", "empty")], "No program was written in this recording.")
        }
        return slots.map { chart($0, report) }.joined(separator: "\n")
    }

    private static func chart(_ series: RecordingSeries.ProgramAmplitude, _ report: RecordingReport) -> String {
        let usage = report.programs.first { $0.slot == series.slot }
        // A slot written but never run (one the patient's remote cannot select, say) has no amplitude
        // to draw: a chart would show a sliver of patient range on the day it was written.
        guard let usage, usage.therapyHours > 0 else {
            return Markup.element(
                "p", [("class", "note")],
                Markup.escape("Slot \(series.slot): programmed, but no therapy was delivered on it."))
        }
        let top = series.buckets.map { max($0.maximum, $0.patientRange?.upperBound ?? 0) }.max() ?? 1
        let ticks = AnalysisChart.linearTicks(upTo: top * 1.05, count: 4)
        var chart = AnalysisChart(
            height: 190, report: report, values: 0...(ticks.last ?? 1))
        for bucket in series.buckets {
            guard let range = bucket.patientRange else { continue }
            let extent = chart.x(bucket.period)
            chart.add(
                AnalysisChart.mark(
                    "rect", "band",
                    [
                        "x": extent.lowerBound, "y": chart.y(range.upperBound),
                        "width": max(extent.upperBound - extent.lowerBound, 0.5),
                        "height": chart.y(range.lowerBound) - chart.y(range.upperBound),
                    ]))
        }
        for bucket in series.buckets {
            let isOutside =
                bucket.patientRange.map { bucket.maximum > $0.upperBound || bucket.minimum < $0.lowerBound } ?? false
            chart.addSpread(
                bucket.period, from: bucket.minimum, to: bucket.maximum,
                className: isOutside ? "spread outside" : "spread", maximumWidth: 8, title: describe(bucket, report))
        }
        chart.add(
            AnalysisChartLine.polyline(series.buckets, in: chart, className: "line amplitude") { bucket in
                bucket.mean.map { (bucket.period, $0) }
            })
        let caption =
            "Slot \(series.slot): amplitude in mA · \(Format.hours(usage.therapyHours)) delivered at a mean of "
            + "\(Format.number(usage.meanAmplitude, decimals: 2)) mA"
        return Markup.element(
            "figure", [("class", "amplitude")],
            Markup.element("figcaption", [], Markup.escape(caption))
                + chart.svg(label: caption, ticks: ticks.map { ($0, Format.number($0, decimals: 2) + " mA") })
                + AnalysisChartLine.legend([
                    ("band", "patient range"),
                    ("spread", "lowest to highest amplitude \(AnalysisChartLine.ofThePeriod(report))"),
                    ("spread outside", "outside the patient range"), ("line amplitude", "mean delivered amplitude"),
                ])
                + AnalysisChart.dataTable(
                    caption,
                    [
                        report.usage.granularity.rawValue, "lowest", "highest", "mean delivered", "patient range",
                        "outside the range",
                    ],
                    series.buckets.map(row)))
    }

    private static func row(_ bucket: RecordingSeries.AmplitudeBucket) -> [String] {
        let milliamps = { (value: Double) in Format.number(value, decimals: 3) + " mA" }
        let range = bucket.patientRange
        return [
            bucket.period.start, milliamps(bucket.minimum), milliamps(bucket.maximum),
            bucket.mean.map(milliamps) ?? "–",
            range.map { "\(Format.number($0.lowerBound, decimals: 3))–\(milliamps($0.upperBound))" } ?? "–",
            range.map { bucket.maximum > $0.upperBound || bucket.minimum < $0.lowerBound ? "yes" : "no" } ?? "–",
        ]
    }

    private static func describe(_ bucket: RecordingSeries.AmplitudeBucket, _ report: RecordingReport) -> String {
        var text = AnalysisChartLine.name(bucket.period, report) + ": "
        text +=
            bucket.minimum == bucket.maximum
            ? "\(Format.number(bucket.minimum, decimals: 3)) mA"
            : "\(Format.number(bucket.minimum, decimals: 3))–\(Format.number(bucket.maximum, decimals: 3)) mA"
        if let mean = bucket.mean { text += ", mean delivered \(Format.number(mean, decimals: 3)) mA" }
        if let range = bucket.patientRange {
            text +=
                ", patient range \(Format.number(range.lowerBound, decimals: 3))–\(Format.number(range.upperBound, decimals: 3)) mA"
        }
        return text
    }
}
