import Foundation
import RecordingFormat
import TherapyLog

/// One inline SVG chart of the HTML report: a time axis over the recorded span, a value axis
/// (linear or logarithmic), grid lines, and the marks the caller adds between them.
///
/// Coordinates outside the plot are clamped to its edge, so a mark can never spill over an axis.
struct AnalysisChart {
    // The left margin holds a value label at the phone size of the style sheet (30 units, 11 px at 390 px).
    static let margin = (left: 100.0, right: 20.0, top: 14.0, bottom: 40.0)

    let width = 960.0
    let height: Double
    /// The time axis, in nanoseconds since the epoch; never empty.
    let span: ClosedRange<Int64>
    /// The value axis.
    let values: ClosedRange<Double>
    let isLogarithmic: Bool
    private var marks: [String] = []

    /// A chart over `report`'s span on its local wall clock, the axis its series' days are counted on.
    init(height: Double, report: RecordingReport, values: ClosedRange<Double>, isLogarithmic: Bool = false) {
        self.height = height
        let from = report.wallStart.nanosecondsSinceEpoch
        // An empty span still gets a day's width, so that a point in it has somewhere to go.
        span = from...max(report.wallEnd.nanosecondsSinceEpoch, from + Timestamp.nanosecondsPerDay)
        self.values = values
        self.isLogarithmic = isLogarithmic
    }

    var plotLeft: Double { Self.margin.left }
    var plotRight: Double { width - Self.margin.right }
    var plotTop: Double { Self.margin.top }
    var plotBottom: Double { height - Self.margin.bottom }

    /// The horizontal position of an instant.
    func x(_ nanoseconds: Int64) -> Double {
        let clamped = min(max(nanoseconds, span.lowerBound), span.upperBound)
        let fraction = Double(clamped - span.lowerBound) / Double(span.upperBound - span.lowerBound)
        return plotLeft + fraction * (plotRight - plotLeft)
    }

    /// The horizontal extent of a period of the report's timeline, clipped to the span.
    func x(_ period: UsageTimeline.Period) -> ClosedRange<Double> {
        x(period.wallSpan.lowerBound.nanosecondsSinceEpoch)...x(period.wallSpan.upperBound.nanosecondsSinceEpoch)
    }

    /// The vertical position of a value.
    func y(_ value: Double) -> Double {
        let clamped = min(max(value, values.lowerBound), values.upperBound)
        let fraction: Double
        if isLogarithmic {
            let low = log10(values.lowerBound)
            let high = log10(values.upperBound)
            fraction = high > low ? (log10(clamped) - low) / (high - low) : 0
        } else {
            let range = values.upperBound - values.lowerBound
            fraction = range > 0 ? (clamped - values.lowerBound) / range : 0
        }
        return plotBottom - fraction * (plotBottom - plotTop)
    }

    /// Adds SVG markup drawn above the grid.
    mutating func add(_ mark: String) {
        marks.append(mark)
    }

    /// Adds the bar of a bucket's lowest to highest value: centred on its `period`, 0.6 of its width
    /// within 1.5 to `maximumWidth`, a unit longer at each end so that a single value still shows, with
    /// `title` as its tooltip.
    mutating func addSpread(
        _ period: UsageTimeline.Period, from lowest: Double, to highest: Double, className: String,
        maximumWidth: Double = 6, title: String
    ) {
        let extent = x(period)
        let width = max(min((extent.upperBound - extent.lowerBound) * 0.6, maximumWidth), 1.5)
        let top = y(highest)
        add(
            Self.mark(
                "rect", className,
                [
                    "x": (extent.lowerBound + extent.upperBound - width) / 2, "y": top - 1, "width": width,
                    "height": max(y(lowest) - top, 0) + 2,
                ], title: title))
    }

    /// The chart as an `<svg>` element with grid lines at `ticks` (value and label) and date labels.
    func svg(label: String, ticks: [(value: Double, label: String)]) -> String {
        var parts: [String] = []
        // At phone width, labels 30 units high need 26 units between them: keep every n-th.
        let kept = max(Int((26 * Double(ticks.count) / (plotBottom - plotTop)).rounded(.up)), 1)
        for (index, tick) in ticks.enumerated() {
            let level = y(tick.value)
            parts.append(Self.mark("line", "grid", ["x1": plotLeft, "x2": plotRight, "y1": level, "y2": level]))
            parts.append(
                Markup.element(
                    "text",
                    [
                        ("class", index % kept == 0 ? "tick value" : "tick value minor"),
                        ("x", Self.number(plotLeft - 6)),
                        ("y", Self.number(y(tick.value) + 4)),
                        ("text-anchor", "end"),
                    ],
                    Markup.escape(tick.label)))
        }
        for (index, tick) in AnalysisTimeAxis.ticks(span, maximumTicks: 10).enumerated() {
            let position = x(tick.nanoseconds)
            parts.append(
                Self.mark("line", "grid time", ["x1": position, "x2": position, "y1": plotTop, "y2": plotBottom]))
            // A label near an edge is anchored on that side, so that it stays inside the picture.
            let anchor = position > width - 36 ? "end" : position < 36 ? "start" : "middle"
            parts.append(
                Markup.element(
                    "text",
                    [
                        // Every third label stays at phone width, where labels are drawn larger.
                        ("class", index % 3 == 0 ? "tick time" : "tick time minor"), ("x", Self.number(position)),
                        ("y", Self.number(plotBottom + 18)), ("text-anchor", anchor),
                    ],
                    Markup.escape(tick.label)))
        }
        parts.append(
            Self.mark(
                "rect", "frame",
                ["x": plotLeft, "y": plotTop, "width": plotRight - plotLeft, "height": plotBottom - plotTop]))
        parts.append(contentsOf: marks)
        return Markup.element(
            "svg",
            [
                ("class", "chart"), ("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))"), ("role", "img"),
                ("aria-label", label),
            ],
            "\n" + parts.joined(separator: "\n") + "\n")
    }

    /// The figures behind a chart as a table folded under it, so that they are there without hovering.
    static func dataTable(_ caption: String, _ headers: [String], _ rows: [[String]]) -> String {
        Markup.element(
            "details", [("class", "data")],
            Markup.element("summary", [], "Data")
                + Markup.table(
                    headers, rows, numericColumns: Set(headers.indices.dropFirst()), caption: caption))
    }

    /// An SVG mark: `<tag class="className" …/>` with each coordinate written by `number`, in the
    /// order given, and `title`, escaped, as its tooltip.
    static func mark(
        _ tag: String, _ className: String, _ coordinates: KeyValuePairs<String, Double>, title: String? = nil
    ) -> String {
        let attributes: [(String, String)] = [("class", className)] + coordinates.map { ($0.key, number($0.value)) }
        guard let title else { return Markup.empty(tag, attributes) }
        return Markup.element(tag, attributes, Markup.element("title", [], Markup.escape(title)))
    }

    /// A coordinate with at most one decimal.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Grid values for a linear axis from 0 to at least `maximum`: steps of 1, 2 or 5 × 10ⁿ, about `count` of them.
    static func linearTicks(upTo maximum: Double, count: Int = 5) -> [Double] {
        guard maximum > 0, maximum.isFinite else { return [0, 1] }
        let raw = maximum / Double(count)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        var ticks: [Double] = []
        var value = 0.0
        while value < maximum + step * 0.999 {
            ticks.append(value)
            value += step
        }
        return ticks
    }
}
