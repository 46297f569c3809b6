import Foundation
import Report
import Testing

@Suite("scs analyze")
struct AnalyzeCommandTests {
    static func path(_ name: String) -> String { "Recordings/edge-cases/\(name).scsrec.jsonl" }

    static func recordings(_ stdout: String) throws -> [[String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        return try #require(document["recordings"] as? [[String: Any]])
    }

    @Test func jsonHasOneReportPerFileWithTheFieldsOfTheFormatAndTheAddedOnes() throws {
        let result = try SCSProcess.run([
            "analyze", Self.path("out-of-order"), Self.path("burst-with-cycling"), "--json",
        ])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let reports = try Self.recordings(result.stdout)
        #expect(reports.count == 2)
        #expect(
            Set(reports[0].keys) == [
                "file", "device", "serial", "start", "end", "truncated", "recordedHours", "therapyHours",
                "usagePercent", "days", "daysWithTherapy", "programs", "adjustments", "rejected", "charges",
                "impedanceAlerts", "deliveredCharge", "safety", "findings", "attention", "programSettings",
                "timeZone", "localDays", "usage", "batteryProjection", "assumedProfileValues", "series",
                "assumedFigures",
            ])
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(document?["scsVersion"] as? String == SCSVersion.text)
        #expect(reports[0]["file"] as? String == Self.path("out-of-order"))
        #expect(reports[0]["therapyHours"] as? Double == 10)
        #expect(reports[1]["device"] as? String == "burst-16-primary")
        #expect((reports[1]["deliveredCharge"] as? Double).map { abs($0 - 2.88) < 1e-9 } == true)
        let charges = try #require(reports[1]["charges"] as? [String: Any])
        #expect(charges["meanIntervalHours"] is NSNull)
    }

    @Test func timesAreInUTCUnlessTzNamesAZoneAndAnUnknownZoneIsBadInputNamingTheFlag() throws {
        let utc = try SCSProcess.run(["analyze", Self.path("midnight-boundaries")])
        #expect(utc.status == 0)
        #expect(utc.stdout.contains("2026-06-01T00:00:00Z → "))
        #expect(utc.stdout.contains("times in UTC"))
        let berlin = try SCSProcess.run([
            "analyze", Self.path("midnight-boundaries"), "--tz", "Europe/Berlin", "--json",
        ])
        #expect(berlin.status == 0)
        let report = try #require(try Self.recordings(berlin.stdout).first)
        #expect(report["timeZone"] as? String == "Europe/Berlin")
        #expect(report["start"] as? String == "2026-06-01T00:00:00Z")
        let localDays = try #require(report["localDays"] as? [[String: Any]])
        #expect(localDays.first?["date"] as? String == "2026-06-01")
        let bad = try SCSProcess.run(["analyze", Self.path("midnight-boundaries"), "--tz", "Mars/Olympus_Mons"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--tz Mars/Olympus_Mons: unknown time zone"))
        #expect(bad.stdout.isEmpty)
    }

    @Test func lenientReadingReportsBadLinesAsFindingsAndExitsZero() throws {
        let result = try SCSProcess.run(["analyze", Self.path("malformed-lines"), "--json"])
        #expect(result.status == 0)
        let findings = try #require(try Self.recordings(result.stdout).first?["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["line"] as? Int } == [4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 16])
    }

    @Test func strictReadingStopsAtTheFirstBadLineNamingFileAndLineAndExitsOne() throws {
        let result = try SCSProcess.run(["analyze", "--strict", Self.path("malformed-lines"), "--json"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("malformed-lines.scsrec.jsonl: line 4: invalid-json"))
    }

    @Test func strictReadingExitsOneOnAnyFindingButStillReports() throws {
        let result = try SCSProcess.run(["analyze", "--strict", Self.path("out-of-order")])
        #expect(result.status == 1)
        #expect(result.stdout.contains("out-of-order"))
        let clean = try SCSProcess.run(["analyze", "--strict", Self.path("midnight-boundaries")])
        #expect(clean.status == 0)
    }

    @Test(arguments: [
        ("newer-version", "line 1: recording format version 2 is newer"), ("empty", "the file is empty"),
    ])
    func anUnreadableRecordingIsBadInputNamingTheFile(_ name: String, _ message: String) throws {
        let result = try SCSProcess.run(["analyze", Self.path(name)])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(name).scsrec.jsonl: \(message)"))
    }

    @Test func aBinaryFileANonRecordingAndAMissingFileAreBadInput() throws {
        let binary = try temporaryFile("\u{7F}ELF\u{2}\u{1}\u{0}\u{0}", name: "a.out")
        let csv = try temporaryFile("time,amplitude\n08:00,4.5\n", name: "log.csv")
        for (file, message) in [
            (binary, "not a recording, nor text at all: an ELF executable"), (csv, "line 1: not a recording"),
            ("/nonexistent/missing.scsrec.jsonl", "no such file"),
        ] {
            let result = try SCSProcess.run(["analyze", file])
            #expect(result.status == 2)
            #expect(result.stderr.contains("\(file): \(message)"))
        }
    }

    @Test func anUnknownDeviceInTheHeaderOrOnTheCommandLineIsBadInput() throws {
        let recording = try temporaryFile(
            #"{"type":"header","format":"scs-recording","version":1,"device":"nope-9","serial":"s","start":"2026-01-01T00:00:00Z"}"#
                + "\n", name: "unknown.scsrec.jsonl")
        let header = try SCSProcess.run(["analyze", recording])
        #expect(header.status == 2)
        #expect(header.stderr.contains("unknown.scsrec.jsonl: line 1: unknown device 'nope-9'"))
        let flag = try SCSProcess.run(["analyze", Self.path("out-of-order"), "--device", "nope-9"])
        #expect(flag.status == 2)
        #expect(flag.stderr.contains("--device: unknown device 'nope-9'"))
    }

    @Test func theDeviceOptionOverridesTheHeadersDevice() throws {
        let result = try SCSProcess.run(["analyze", Self.path("burst-with-cycling"), "--device", "tonic-16", "--json"])
        #expect(result.status == 0)
        let report = try #require(try Self.recordings(result.stdout).first)
        #expect(report["device"] as? String == "burst-16-primary")
        let safety = try #require(report["safety"] as? [String: Any])
        #expect((safety["rules"] as? [String])?.contains("waveform.supported") == true)
    }

    @Test func theTerminalReportHasEverySectionAndADailyStrip() throws {
        let result = try SCSProcess.run(["analyze", Self.path("charges-impedance-safety")])
        #expect(result.status == 0)
        for expected in [
            "Recording  Recordings/edge-cases/charges-impedance-safety.scsrec.jsonl",
            "Therapy    12 h delivered (12.5 % of the recorded time) · on 1 of 4 days",
            "Programs", "7.67 mA", "Adjustments  2 by the patient, 1 by the clinician",
            "Rejected     3 commands: patientRange ×2, amplitude.range ×1, shannon ×1",
            "Charges      3 sessions, one every 30 h on average", "Impedance    4 alerts outside 250–4000 Ω",
            "Safety       2 events with errors, 4 with warnings: compliance, patientRange, patientRange.shannon, shannon",
            "2026-10-01  ▄···",
        ] {
            #expect(result.stdout.contains(expected), "missing: \(expected)")
        }
    }

    @Test func atLeastOneFileIsRequired() throws {
        let result = try SCSProcess.run(["analyze"])
        #expect(result.status == 2)
    }
}

/// `scs analyze --html`: one self-contained page, checked here for structure and key numbers (a
/// browser check is manual: headless Chromium, see the issue).
@Suite("scs analyze --html")
struct AnalyzeHTMLTests {
    static func render(_ arguments: [String]) throws -> (result: SCSProcess.Result, html: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = folder.appendingPathComponent("report.html").path
        let result = try SCSProcess.run(["analyze"] + arguments + ["--html", output])
        let html = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return (result, html)
    }

    /// How often `fragment` occurs in `text`.
    static func count(_ fragment: String, in text: String) -> Int {
        text.components(separatedBy: fragment).count - 1
    }

    /// Markup that would make a page fetch something: a self-contained report has none of it.
    /// A `url()` may point only into the page itself: the charts' fill patterns, `url(#scs-…)`.
    static func fetchingMarkup(in html: String) -> [String] {
        let page = html.replacingOccurrences(of: "url(#scs-", with: "")
        return ["<script", "<link", "<img", "<iframe", "@import", "url(", "http:", "https:", "src="].filter {
            page.contains($0)
        }
    }

    /// The text of every `<tag>…</tag>` element, in order.
    static func texts(of tag: String, in html: String) -> [String] {
        html.components(separatedBy: "<\(tag)>").dropFirst().compactMap {
            $0.components(separatedBy: "</\(tag)>").first
        }
    }

    /// The open/close structure: every element closed in order (or self-closed), every `&` an entity,
    /// no `<` inside text. Returns the problems found.
    static func wellFormednessProblems(_ html: String) -> [String] {
        var problems: [String] = []
        var stack: [String] = []
        var rest = Substring(html)
        let voids: Set<String> = ["meta", "br"]
        while let open = rest.firstIndex(of: "<") {
            let text = rest[..<open]
            for piece in text.split(separator: "&", omittingEmptySubsequences: false).dropFirst()
            where
                !(piece.prefix(8).contains(";")
                && (piece.hasPrefix("amp;") || piece.hasPrefix("lt;") || piece.hasPrefix("gt;")
                    || piece.hasPrefix("quot;") || piece.hasPrefix("#39;")))
            {
                problems.append("bare & before '\(piece.prefix(10))'")
            }
            guard let close = rest[open...].firstIndex(of: ">") else {
                problems.append("unclosed tag at the end")
                break
            }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!DOCTYPE") { continue }
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst())
                if stack.last == name {
                    stack.removeLast()
                } else {
                    problems.append("</\(name)> closes <\(stack.last ?? "nothing")>")
                }
                continue
            }
            let name = String(tag.prefix { $0 != " " && $0 != "/" })
            if tag.hasSuffix("/") || voids.contains(name) { continue }
            stack.append(name)
        }
        if !stack.isEmpty { problems.append("unclosed: \(stack)") }
        return problems
    }

    @Test func theEdgeCaseRecordingGivesOneSelfContainedPageWithEveryChartAndItsKeyNumbers() throws {
        let (result, html) = try Self.render([AnalyzeCommandTests.path("charges-impedance-safety")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("HTML report written to"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(Self.wellFormednessProblems(html) == [])
        // Nothing to fetch: no scripts, links, images, imports or URLs at all.
        #expect(Self.fetchingMarkup(in: html) == [])

        #expect(Self.count("<section class=\"recording\"", in: html) == 1)
        #expect(
            Self.texts(of: "h3", in: html) == [
                "Needs attention", "Program settings", "Therapy over time", "Amplitude per program",
                "Impedance per contact", "Battery and recharging", "Safety re-validation",
                "Commands the device refused", "Device faults", "Reading findings",
            ])
        for figure in ["12 h", "12.5 % of the recorded time", "1 of 4", "4.968 C", "2 / 4", "one every 30 h"] {
            #expect(html.contains(figure), "missing \(figure)")
        }

        // Therapy: one bar, on the first of the four days.
        #expect(Self.count("<rect class=\"bar therapy\"", in: html) == 1)
        #expect(Self.texts(of: "title", in: html).contains("2026-10-01: 12 h of therapy"))
        // Amplitude: slot 1 with its patient range and a day that left it.
        #expect(html.contains("Slot 1: amplitude in mA · 12 h delivered at a mean of 7.67 mA"))
        #expect(Self.count("<rect class=\"band\"", in: html) == 1)
        #expect(
            Self.texts(of: "title", in: html).contains(
                "2026-10-01: 5–12 mA, mean delivered 7.667 mA, patient range 2–8 mA"))
        #expect(Self.count("<rect class=\"spread outside\"", in: html) == 1)
        // Impedance: one heat map of the five contacts tonic-16 has, a cell per contact and measured day,
        // patterned past a threshold; a detail chart only for the four contacts that left the band, with
        // one red dot per alert.
        #expect(Self.count("<rect class=\"cell normal\"", in: html) == 3)
        #expect(Self.count("<rect class=\"cell short\"", in: html) == 2)
        #expect(Self.count("<rect class=\"cell open\"", in: html) == 2)
        #expect(html.contains(">4</text>") && html.contains(">5 ⚠</text>"))
        #expect(Self.texts(of: "h4", in: html) == ["Slot 1"] + [1, 2, 3, 5].map { "Contact \($0)" })
        #expect(Self.count("<figure class=\"contact\"", in: html) == 4)
        #expect(Self.count("<circle class=\"alert\"", in: html) == 4)
        #expect(Self.count("<title>short threshold 250 Ω</title>", in: html) == 4)
        #expect(Self.count("<title>open threshold 4000 Ω</title>", in: html) == 4)
        #expect(html.contains("<td class=\"number\">240 Ω below short</td>"))
        #expect(html.contains("<td class=\"number\">4000.5 Ω above open</td>"))
        // Every chart's figures in a table under it; the page names its version, serial and time.
        #expect(Self.count("<details class=\"data\">", in: html) == Self.count("<svg class=\"chart\"", in: html))
        #expect(html.contains("<meta name=\"generator\" content=\"scs 0.5.0\"/>"))
        #expect(html.contains("<meta name=\"scs-serial\" content=\"IPG-0808\"/>"))
        #expect(html.contains("Written by <code>scs analyze</code> 0.5.0 on 20"))
        // Recharging: one bar for each of the three days with a completed session; no battery samples.
        #expect(Self.count("<rect class=\"bar charging\"", in: html) == 3)
        #expect(!html.contains("<figure class=\"battery\""))
        // Needs attention (and Device faults): the lead-open fault.
        #expect(Self.count("<br/>lead-open</li>", in: html) == 2)
        // Safety: the four flagged events and the refused commands by rule.
        #expect(Self.count("<tr class=\"error\">", in: html) == 2)
        #expect(Self.count("<tr class=\"warning\">", in: html) == 2)
        #expect(html.contains("<td>patientRange</td><td class=\"number\">2</td>"))
        #expect(html.contains("Every line was read."))
    }

    @Test func everyTextFromTheRecordingIsEscapedAndBatteryLevelsAreCharted() throws {
        let hostile = #"<script>alert(\"x\")</script> & 'q'"#
        let file = try temporaryFile(
            [
                #"{"type":"header","format":"scs-recording","version":1,"device":"tonic-16","serial":"\#(hostile)","start":"2026-01-01T00:00:00Z"}"#,
                #"{"t":"2026-01-01T06:00:00Z","type":"battery","percent":90}"#,
                #"{"t":"2026-01-01T20:00:00Z","type":"battery","percent":40}"#,
                #"{"t":"2026-01-02T06:00:00Z","type":"battery","percent":35.5}"#,
                #"{"t":"2026-01-02T07:00:00Z","type":"bogus <b>&amp;</b>"}"#,
                #"{"t":"2026-01-03T00:00:00Z","type":"end"}"#,
            ].joined(separator: "\n") + "\n", name: "a&b <c>.scsrec.jsonl")
        let (result, html) = try Self.render([file])
        #expect(result.status == 0)
        #expect(Self.wellFormednessProblems(html) == [])
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"))
        #expect(html.contains("a&amp;b &lt;c&gt;.scsrec.jsonl"))
        // The printed header's CSS string: every character but letters, digits and spaces as a hex escape.
        #expect(
            html.contains(
                #"content: "Patient serial \3c script\3e alert\28 \22 x\22 \29 \3c \2f script\3e  \26  \27 q\27 ";"#))
        #expect(html.contains("unknown event type &#39;bogus &lt;b&gt;&amp;amp;&lt;/b&gt;&#39;"))
        #expect(Self.count("<rect class=\"spread battery\"", in: html) == 2)
        #expect(Self.texts(of: "title", in: html).contains("2026-01-01: battery 40–90 %, last 40 %"))
    }

    @Test func severalRecordingsShareOnePageAndJSONOutputStaysAlone() throws {
        let (result, html) = try Self.render([
            AnalyzeCommandTests.path("out-of-order"), AnalyzeCommandTests.path("burst-with-cycling"), "--json",
        ])
        #expect(result.status == 0)
        #expect(try AnalyzeCommandTests.recordings(result.stdout).count == 2)
        #expect(Self.count("<section class=\"recording\"", in: html) == 2)
        #expect(html.contains("<title>Therapy recording report: 2 recordings</title>"))
    }

    @Test func anUnwritableOutputIsBadInputNamingIt() throws {
        let result = try SCSProcess.run([
            "analyze", AnalyzeCommandTests.path("out-of-order"), "--html", "/nonexistent/folder/report.html",
        ])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "--html /nonexistent/folder/report.html: cannot write it: the folder /nonexistent/folder does not exist"
            ))
    }
}
