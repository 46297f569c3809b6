import Foundation
import Testing

@Suite("validate marks the metrics resting on assumed profile values")
struct AssumedMetricsTests {
    /// tonic-16 with lead A's area and the headroom also marked assumed (its battery.usableFraction is).
    static func markedFolder() throws -> String {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Devices/tonic-16.yaml")
        var text = try String(contentsOf: shipped, encoding: .utf8)
        text = text.replacingOccurrences(of: "# §2.1 1.3 mm × 3 mm ring", with: "# assumed; §2.1 1.3 mm × 3 mm ring")
        text = text.replacingOccurrences(of: "headroom: 1.0                    #", with: "headroom: 1.0  # assumed;")
        let file = try temporaryFile(text, name: "tonic-16.yaml")
        return URL(fileURLWithPath: file).deletingLastPathComponent().path
    }

    let program = ["--amplitude", "3", "--pulse-width", "300", "--frequency", "50", "--contacts", "1-,2+"]

    @Test func theTextMarksExactlyTheMetricsThatReadAnAssumedField() throws {
        let result = try SCSProcess.run(
            ["validate", "--devices", Self.markedFolder(), "--device", "tonic-16"] + program)
        let rows = Dictionary(
            result.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { line in
                let parts = line.trimmingCharacters(in: .whitespaces).split(separator: "  ", maxSplits: 1)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            }, uniquingKeysWith: { first, _ in first })
        func mark(_ metric: String) -> String? {
            guard let value = rows[metric], let open = value.range(of: " (assumed: ") else { return nil }
            return String(value[open.upperBound...].dropLast())
        }
        #expect(mark("charge per phase") == nil)
        #expect(mark("max charge density") == "leads[0].areaMM2")
        #expect(mark("max Shannon k") == "leads[0].areaMM2")
        #expect(mark("max required voltage") == "headroom")
        #expect(mark("pulse rate") == nil)
        #expect(mark("stimulation current") == nil)
        #expect(mark("battery current") == "headroom")
        #expect(mark("recharge interval") == "battery.usableFraction, headroom")
    }

    @Test func theJSONListsTheAssumedFieldsOfExactlyThoseMetrics() throws {
        let result = try SCSProcess.run(
            ["validate", "--devices", Self.markedFolder(), "--device", "tonic-16", "--json"] + program)
        let document = try #require(
            JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let assumed = try #require(document["assumed"] as? [String: [String]])
        #expect(
            assumed == [
                "maxChargeDensity": ["leads[0].areaMM2"], "maxShannonK": ["leads[0].areaMM2"],
                "maxRequiredVoltage": ["headroom"], "batteryCurrent": ["headroom"],
                "rechargeIntervalDays": ["battery.usableFraction", "headroom"],
            ])
        #expect((document["metrics"] as? [String: Any])?["chargePerPhase"] != nil)
    }
}
