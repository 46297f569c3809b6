import Foundation
import Testing

/// `scs analyze` marks each figure resting on a profile value marked assumed, as validate marks its
/// metrics: the impedance alerts, the safety verdicts and the attention items, besides the battery
/// projection; and nothing with a profile that marks no value assumed.
@Suite("analyze marks the figures resting on assumed profile values")
struct AnalyzeAssumedTests {
    static let recording = AnalyzeCommandTests.path("charges-impedance-safety")

    /// tonic-16 with lead A's area, the headroom and the open threshold also marked assumed.
    static func markedFolder() throws -> String {
        var text = try shippedProfile()
        text = text.replacingOccurrences(of: "headroom: 1.0                    #", with: "headroom: 1.0  # assumed;")
        text = text.replacingOccurrences(of: "  open: 4000                     #", with: "  open: 4000  # assumed;")
        return try folder(text.replacingOccurrences(of: "# §2.1 1.3 mm", with: "# assumed; §2.1 1.3 mm"))
    }

    /// tonic-16 with no value marked assumed.
    static func unmarkedFolder() throws -> String {
        try folder(try shippedProfile().replacingOccurrences(of: "assumed", with: "chosen"))
    }

    static func shippedProfile() throws -> String {
        try String(contentsOf: SCSProcess.root.appendingPathComponent("Devices/tonic-16.yaml"), encoding: .utf8)
    }

    static func folder(_ profile: String) throws -> String {
        URL(fileURLWithPath: try temporaryFile(profile, name: "tonic-16.yaml")).deletingLastPathComponent().path
    }

    static func report(_ folder: String) throws -> [String: Any] {
        let result = try SCSProcess.run(["analyze", "--json", "--devices", folder, recording])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try AnalyzeCommandTests.recordings(result.stdout).first)
    }

    @Test func theJSONNamesTheFieldsEachFigureAndAttentionItemRestsOn() throws {
        let report = try Self.report(Self.markedFolder())
        let figures = try #require(report["assumedFigures"] as? [String: [String]])
        #expect(figures["impedanceAlerts"] == ["impedance.open"])
        // Every rule's limits that the profile marks assumed; the USB ids and the program count are no limit.
        #expect(
            figures["safety"] == [
                "battery.usableFraction", "fractionStep", "frequency.tonic.step", "headroom", "impedance.open",
                "interphaseGap", "leads[0].areaMM2", "limits.amplitudeSlewMax",
            ])
        // No battery event: no projection to mark.
        #expect(figures["batteryProjection"] == nil)
        let items = try #require((report["attention"] as? [String: Any])?["items"] as? [[String: Any]])
        let marks = items.map {
            ($0["kind"] as? String ?? "", $0["rules"] as? [String] ?? [], $0["assumed"] as? [String])
        }
        // A compliance error rests on the headroom, a Shannon warning on the contacts' area.
        #expect(marks.contains { $0.1.contains("compliance") && $0.2 == ["headroom", "leads[0].areaMM2"] })
        #expect(marks.filter { $0.0 == "impedance" }.allSatisfy { $0.2 == ["impedance.open"] })
        #expect(marks.filter { $0.0 == "fault" || $0.0 == "refusal" }.allSatisfy { $0.2 == [] })
    }

    @Test func theTextAndHTMLMarkTheSameFigures() throws {
        let folder = try Self.markedFolder()
        let (result, html) = try AnalyzeHTMLTests.render(["--devices", folder, Self.recording])
        #expect(result.status == 0, "\(result.stderr)")
        let text = unwrapped(result.stdout)
        #expect(text.contains("Impedance    4 alerts outside 250–4000 Ω (assumed: impedance.open):"))
        #expect(
            text.contains("shannon (assumed: battery.usableFraction, fractionStep, frequency.tonic.step, headroom,"))
        #expect(text.contains("above the open threshold 4000 Ω (assumed: impedance.open)"))
        #expect(html.contains("outside the short/open thresholds (assumed: impedance.open)"))
        #expect(html.contains("events with errors / warnings (assumed: battery.usableFraction,"))
    }

    @Test func aProfileWithoutAssumedValuesMarksNothing() throws {
        let folder = try Self.unmarkedFolder()
        let report = try Self.report(folder)
        #expect((report["assumedFigures"] as? [String: [String]])?.isEmpty == true)
        #expect((report["assumedProfileValues"] as? [String])?.isEmpty == true)
        let items = try #require((report["attention"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.allSatisfy { ($0["assumed"] as? [String])?.isEmpty == true })
        let (result, html) = try AnalyzeHTMLTests.render(["--devices", folder, Self.recording])
        #expect(!result.stdout.contains("assumed"))
        #expect(!html.contains("assumed"))
    }
}
