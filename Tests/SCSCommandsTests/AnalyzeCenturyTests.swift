import Foundation
import Testing

/// A hundred-year recording reads like a short one: every chart, its data table, the text table and the
/// JSON series go by year, the usage timeline's period, so their size follows the years, not the days.
@Suite("scs analyze of a hundred years")
struct AnalyzeCenturyTests {
    /// Therapy on from the first day, a battery level every day at noon and an impedance check every
    /// Monday, from 2026 to 2126.
    static func recording() throws -> String {
        var lines = [
            #"{"type":"header","format":"scs-recording","version":1,"device":"tonic-16","serial":"C-100","start":"2026-01-01T00:00:00Z"}"#,
            #"{"t":"2026-01-01T00:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":2,"pulseWidth":200,"frequency":50,"contacts":{"1":-100,"2":100}}}"#,
            #"{"t":"2026-01-01T00:00:00Z","type":"activate","slot":1,"by":"clinician"}"#,
            #"{"t":"2026-01-01T00:00:00Z","type":"therapy","on":true,"by":"clinician"}"#,
        ]
        let formatter = ISO8601DateFormatter()
        // 36,524 days from 2026-01-01T12:00:00Z: 2100 is no leap year.
        for day in 0..<36_524 {
            let date = formatter.string(from: Date(timeIntervalSince1970: 1_767_268_800 + Double(day) * 86_400))
            lines.append(#"{"t":"\#(date)","type":"battery","percent":\#(40 + day % 60)}"#)
            if day % 7 == 4 {
                lines.append(#"{"t":"\#(date)","type":"impedance","ohms":{"1":\#(800 + day % 100),"2":900}}"#)
            }
        }
        lines.append(#"{"t":"2126-01-01T00:00:00Z","type":"end"}"#)
        return try temporaryFile(lines.joined(separator: "\n") + "\n", name: "century.scsrec.jsonl")
    }

    @Test func everyChartTableAndSeriesHasOneEntryPerYear() throws {
        let file = try Self.recording()
        let (result, html) = try AnalyzeHTMLTests.render([file])
        #expect(result.status == 0, "\(result.stderr)")
        // One mark per year in each chart (before: 366 two-month buckets per chart, a 1.3 MB page).
        #expect(AnalyzeHTMLTests.count("<rect class=\"spread battery\"", in: html) == 100)
        #expect(AnalyzeHTMLTests.count("<rect class=\"cell normal\"", in: html) == 200)
        #expect(html.utf8.count < 400_000, "\(html.utf8.count) bytes")
        #expect(
            html.contains(
                "<th>year</th><th class=\"number\">lowest</th><th class=\"number\">highest</th><th class=\"number\">last</th>"
            ))

        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count < 200, "\(lines.count) lines")
        #expect(lines.allSatisfy { $0.count <= 120 })
        #expect(result.stdout.contains("Over time by year, times in UTC"))
        #expect(result.stdout.contains("  2125-01-01"))

        let json = try SCSProcess.run(["analyze", "--json", file])
        let report = try #require(try AnalyzeCommandTests.recordings(json.stdout).first)
        let series = try #require(report["series"] as? [String: Any])
        let battery = try #require(series["battery"] as? [[String: Any]])
        #expect(battery.count == 100)
        #expect(battery.first?["start"] as? String == "2026-01-01")
        #expect(battery.first?["lowest"] as? Double == 40)
        #expect(battery.first?["highest"] as? Double == 99)
        let usage = try #require(report["usage"] as? [String: Any])
        #expect(usage["granularity"] as? String == "year")
    }
}
