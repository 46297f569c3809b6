import Foundation
import RecordingFormat
import Report
import StimSafety
import Testing

/// The reports of a recording with everything a clinician must see first, as golden files: text, JSON
/// and the HTML sections of the attention block and the program settings.
@Suite("scs analyze: attention and program settings")
struct AnalyzeAttentionGoldenTests {
    static let recording = "Tests/SCSCommandsTests/Golden/analyze-attention.scsrec.jsonl"

    /// Errors and warnings on re-validation (one repeated), a refusal by rule and one of a slot
    /// disabled for the remote, a lead-open fault, an open contact, the battery falling to 12 %.
    static func recordingText() throws -> String {
        func at(_ text: String) throws -> Timestamp { try #require(Timestamp(rfc3339: text)) }
        func decimal<Quantity: FixedPoint>(_ text: String) throws -> Quantity { try Quantity(parsing: text) }
        let program = StimProgram(
            amplitude: try decimal("4"), pulseWidth: try decimal("300"), rate: .frequency(try decimal("50")),
            contacts: [ContactShare(.lead(3), try decimal("-100")), ContactShare(.lead(4), try decimal("100"))],
            patientRange: PatientRange(min: try decimal("2"), max: try decimal("6")))
        var second = program
        second.contacts = [
            ContactShare(.lead(9), try decimal("-60")), ContactShare(.lead(10), try decimal("-40")),
            ContactShare(.can, try decimal("100")),
        ]
        let events: [(time: Timestamp, event: RecordingEvent)] = [
            (try at("2026-03-01T08:00:00Z"), .program(slot: Slot(number: 1)!, program: program, by: .clinician)),
            (try at("2026-03-01T08:00:00Z"), .program(slot: Slot(number: 2)!, program: second, by: .clinician)),
            (try at("2026-03-01T08:00:00Z"), .activate(slot: Slot(number: 1)!, by: .clinician)),
            (try at("2026-03-01T08:00:00Z"), .therapy(isOn: true, by: .clinician)),
            (
                try at("2026-03-01T09:00:00Z"),
                .amplitude(slot: Slot(number: 1)!, amplitude: try decimal("7"), by: .clinician)
            ),
            (
                try at("2026-03-01T09:05:00Z"),
                .amplitude(slot: Slot(number: 1)!, amplitude: try decimal("7"), by: .patient)
            ),
            (
                try at("2026-03-01T09:10:00Z"),
                .amplitude(slot: Slot(number: 1)!, amplitude: try decimal("30"), by: .clinician)
            ),
            (
                try at("2026-03-01T10:00:00Z"),
                .amplitude(slot: Slot(number: 1)!, amplitude: try decimal("5"), by: .patient)
            ),
            (
                try at("2026-03-01T11:00:00Z"),
                .rejected(
                    RejectedCommand(
                        by: .patient, rules: ["patientRange"],
                        request: .object(["slot": .number("1"), "amplitude": .number("6.5")])))
            ),
            (
                try at("2026-03-01T12:00:00Z"),
                .rejected(RejectedCommand(by: .patient, rules: [], request: .object(["slot": .number("2")])))
            ),
            (
                try at("2026-03-01T13:00:00Z"),
                .impedance([.lead(3): Milliohms(units: 900), .lead(4): Milliohms(units: 8200)])
            ),
            (try at("2026-03-01T13:00:00Z"), .fault(code: "lead-open", detail: "contact 4")),
            (try at("2026-03-01T13:00:00Z"), .therapy(isOn: false, by: .device)),
            (try at("2026-03-01T20:00:00Z"), .battery(try decimal("12"))),
        ]
        let header = RecordingHeader(device: "tonic-16", serial: "IPG-ATTN", start: try at("2026-03-01T00:00:00Z"))
        return RecordingWriter.text(header: header, events: events, end: try at("2026-03-02T00:00:00Z"))
    }

    @Test func theTextReportOpensWithWhatNeedsAttentionAndShowsEachProgramOnItsLeads() throws {
        try expectGolden(try Self.recordingText(), "analyze-attention.scsrec.jsonl")
        let result = try SCSProcess.run(["analyze", Self.recording])
        #expect(result.status == 0, "\(result.stderr)")
        try expectGolden(result.stdout, "analyze-attention.txt")
    }

    @Test func theJSONReportCarriesTheAttentionItemsAndTheProgramSettings() throws {
        try expectGolden(try Self.recordingText(), "analyze-attention.scsrec.jsonl")
        let result = try SCSProcess.run(["analyze", "--json", Self.recording])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout.replacingOccurrences(of: "\"" + SCSVersion.text + "\"", with: "\"VERSION\"")
        try expectGolden(text, "analyze-attention.json")
    }

    @Test func theHTMLReportHasTheSameAttentionBlockAndALeadDiagramPerProgram() throws {
        try expectGolden(try Self.recordingText(), "analyze-attention.scsrec.jsonl")
        let (result, html) = try AnalyzeHTMLTests.render([Self.recording])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(AnalyzeHTMLTests.wellFormednessProblems(html) == [])
        // Only the sections this report adds: the page frame and the charts have tests of their own.
        func between(_ from: String, _ to: String) throws -> String {
            let start = try #require(html.range(of: from))
            let end = try #require(html.range(of: to, range: start.upperBound..<html.endIndex))
            return String(html[start.lowerBound..<end.lowerBound])
        }
        try expectGolden(
            try between("<h3>Needs attention</h3>", "<div class=\"figures\">") + "\n"
                + between("<h3>Program settings</h3>", "<h3>Therapy over time</h3>"),
            "analyze-attention.html")
        #expect(AnalyzeHTMLTests.count("<svg class=\"lead-diagram\"", in: html) == 2)
    }

    @Test func aRecordingWithNothingAmissSaysSoInEveryReport() throws {
        let path = AnalyzeCommandTests.path("midnight-boundaries")
        let text = try SCSProcess.run(["analyze", path])
        #expect(text.stdout.contains("Attention  Nothing needs attention."))
        #expect(text.stdout.contains("Written by scs \(SCSVersion.text)"))
        let (_, html) = try AnalyzeHTMLTests.render([path])
        #expect(html.contains("<p class=\"verdict ok\">Nothing needs attention.</p>"))
        let json = try AnalyzeCommandTests.recordings(try SCSProcess.run(["analyze", "--json", path]).stdout)
        let attention = try #require(json.first?["attention"] as? [String: Any])
        #expect(attention["needsAttention"] as? Bool == false)
        #expect((attention["items"] as? [Any])?.isEmpty == true)
    }

    @Test func aProgramWhoseContactsAnImportDoesNotGiveSaysSoInsteadOfADiagram() throws {
        let log = "Tests/DeviceImportTests/Fixtures/rcs-stimlog-only"
        let text = try SCSProcess.run(["analyze", log])
        #expect(text.stdout.contains("    contacts unknown: the source does not give them\n\n"))
        let (_, html) = try AnalyzeHTMLTests.render([log])
        #expect(html.contains("Contacts unknown: the source does not give them"))
        #expect(!html.contains("<svg class=\"lead-diagram\""))
    }
}
