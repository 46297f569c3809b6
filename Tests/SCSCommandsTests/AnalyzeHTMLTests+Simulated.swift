import Foundation
import Testing

/// The HTML report of a simulated recording, whose look was checked in a browser: refusals that name
/// no rule, a slot written but never run, and weekly top-ups of a few minutes, charted by week.
extension AnalyzeHTMLTests {
    @Test func refusalsWithoutRulesASlotNeverRunAndShortTopUpsReadPlainly() throws {
        let (result, html) = try Self.render(["Recordings/simulated/tonic-16-120d.scsrec.jsonl"])
        #expect(result.status == 0, "\(result.stderr)")

        // Every refusal is of the disabled slot 3, which names no rule: a sentence, not an empty table.
        #expect(html.contains("<p>19 commands refused, none of them for a safety rule.</p>"))
        #expect(!html.contains("<th>rule</th>"))

        // Slots 1 and 2 ran and are charted; slot 3 never did and gets a line instead of an empty chart.
        let captions = Self.texts(of: "figcaption", in: html).filter { $0.hasPrefix("Slot ") }
        #expect(captions.map { $0.prefix(6) } == ["Slot 1", "Slot 2"])
        #expect(html.contains("Slot 3: programmed, but no therapy was delivered on it."))

        // Top-ups of about three minutes are charted in minutes, not hundredths of an hour.
        #expect(html.contains("Recharging, in minutes per week · 17 sessions"))
        #expect(html.contains(">4 min</text>"))
        #expect(!html.contains("0.05 h"))
    }
}

extension AnalyzeHTMLTests {
    @Test func everyChartInALocalZoneSharesOneTimeAxisTheImpedanceHeatMapIncluded() throws {
        let (result, html) = try Self.render([
            "Recordings/simulated/tonic-16-120d.scsrec.jsonl", "--tz", "Pacific/Auckland",
        ])
        #expect(result.status == 0, "\(result.stderr)")

        // Each chart's date labels with their places across (`x="…"` up to the label's end): the series
        // count local days, so every chart's axis is the span on the local wall clock.
        let axes = html.components(separatedBy: "<svg class=\"chart\"").dropFirst().map { chart in
            chart.components(separatedBy: "<text class=\"tick time").dropFirst().map { label in
                (label.components(separatedBy: " y=").first ?? "")
                    + (label.components(separatedBy: "\">").dropFirst().first ?? "")
                    .prefix(while: { $0 != "<" })
            }
        }
        #expect(html.contains("class=\"cell normal\""))
        #expect(axes.count > 3)
        #expect(Set(axes).count == 1)
    }
}
