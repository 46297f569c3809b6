import Foundation
import Testing

@testable import SCSCommands

/// What a recording or a device wrote never reaches the terminal as control characters: text output
/// shows them escaped, JSON escapes them as JSON does, HTML never holds them.
@Suite("Control characters in text output")
struct TerminalEscapeTests {
    static let escape = "\u{1B}"

    /// A recording whose serial clears the screen and retitles the terminal, with a fault detail and
    /// an unknown event type that recolour it.
    static func hostileRecording() throws -> String {
        try temporaryFile(
            """
            {"type":"header","format":"scs-recording","version":1,"device":"tonic-16","serial":"IPG\\u001b[2J\\u001b]0;pwned\\u0007","start":"2026-01-05T00:00:00Z"}
            {"t":"2026-01-05T09:00:00Z","type":"fault","code":"lead-open","detail":"contact \\u001b[5m3"}
            {"t":"2026-01-05T10:00:00Z","type":"warp\\u001b[31m"}
            {"t":"2026-01-06T00:00:00Z","type":"end"}

            """, name: "hostile.scsrec.jsonl")
    }

    @Test func theTextReportShowsEscapeSequencesFromARecordingAsVisibleEscapes() throws {
        let result = try SCSProcess.run(["analyze", try Self.hostileRecording()])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains(Self.escape))
        #expect(!result.stdout.contains("\u{7}"))
        #expect(result.stdout.contains(#"serial IPG\u{1B}[2J\u{1B}]0;pwned\u{7}"#))
        #expect(result.stdout.contains(#"unknown event type 'warp\u{1B}[31m'"#))
    }

    @Test func theJSONReportEscapesThemAsJSONAndKeepsTheValue() throws {
        let result = try SCSProcess.run(["analyze", try Self.hostileRecording(), "--json"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains(Self.escape))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let report = try #require((document["recordings"] as? [[String: Any]])?.first)
        #expect(report["serial"] as? String == "IPG\u{1B}[2J\u{1B}]0;pwned\u{7}")
    }

    @Test func theHTMLReportHoldsNoControlCharacter() throws {
        let html = try temporaryFile("", name: "report.html")
        let result = try SCSProcess.run(["analyze", try Self.hostileRecording(), "--html", html])
        #expect(result.status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(!page.contains(Self.escape))
        #expect(!page.contains("\u{7}"))
    }

    @Test func aFaultDetailInTheDeviceLogIsEscapedWhenTheSessionPrintsTheLog() {
        let log = #"{"t":"2026-01-05T09:00:00Z","type":"fault","code":"lead-open","detail":"contact "#
        let text = SessionText.eventLog(Array((log + "\u{1B}[5m3\"}\n" + log + "4\"}\n").utf8))
        #expect(text == log + #"\u{1B}[5m3"}"# + "\n" + log + "4\"}")
    }

    @Test func anErrorMessageNamingAHostileFileNameIsEscaped() throws {
        let result = try SCSProcess.run(["analyze", "/nonexistent/\u{1B}[2Jname"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(#"/nonexistent/\u{1B}[2Jname: no such file"#))
        #expect(!result.stderr.contains(Self.escape))
    }

    @Test(arguments: [
        ("plain ASCII", "plain ASCII"), ("Müller · 5 mA — ✓ 日本", "Müller · 5 mA — ✓ 日本"),
        ("a\u{1B}[31mred", #"a\u{1B}[31mred"#), ("tab\there", #"tab\there"#), ("two\nlines", #"two\nlines"#),
        ("cr\rback", #"cr\rback"#), ("nul\u{0}", #"nul\u{0}"#), ("del\u{7F}", #"del\u{7F}"#),
        ("csi\u{9B}2J", #"csi\u{9B}2J"#), ("bidi\u{202E}txt.exe", #"bidi\u{202E}txt.exe"#),
    ])
    func escapingKeepsTextAndShowsEveryControlCharacter(_ text: String, _ shown: String) {
        #expect(Terminal.escaped(text) == shown)
    }

    @Test func lineBreaksCanBeKeptForTextOfSeveralLines() {
        #expect(Terminal.escaped("one\ntwo\u{1B}", keepingLineBreaks: true) == "one\ntwo\\u{1B}")
    }

    @Test func tableCellsAreEscapedAndAlignedOnTheirEscapedWidth() {
        var table = TextTable(["serial", "note"])
        table.add(["a\u{1B}b", "x"])
        table.add(["plain", "y"])
        #expect(table.render() == "serial    note\na\\u{1B}b  x\nplain     y")
    }
}
