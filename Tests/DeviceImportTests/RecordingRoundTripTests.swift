import DeviceImport
import Foundation
import Testing
import TherapyLog

@Suite("Imports written as recordings")
struct RecordingRoundTripTests {
    @Test(
        "The written recording reads back strictly as the same events, header and end",
        arguments: [
            "rcs-session", "rcs-stimlog-only", "percept-session.json", "percept-sparse.json", "percept-sensing.json",
        ])
    func roundTrip(name: String) throws {
        let result =
            name.hasPrefix("rcs") ? try Fixtures.rcs(name) : try Fixtures.percept(name)
        let file = try Fixtures.temporaryFolder().appendingPathComponent("import.scsrec.jsonl")
        try Data(result.recordingText.utf8).write(to: file)
        let reader = try RecordingReader(contentsOf: file, options: ReadingOptions(isStrict: true))
        #expect(reader.header == result.header)
        var events: [RecordedEvent] = []
        var findings: [ReadingFinding] = []
        let outcome = try reader.read { item in
            switch item {
            case .event(let event): events.append(event)
            case .finding(let finding): findings.append(finding)
            }
        }
        #expect(findings.isEmpty)
        #expect(outcome.end == result.end)
        #expect(!outcome.isTruncated)
        #expect(events.dropLast().map(\.event) == result.events.map(\.event))
        #expect(events.dropLast().map(\.time) == result.events.map(\.time))
        #expect(
            result.items.compactMap { item -> RecordedEvent? in
                if case .event(let event) = item { return event }
                return nil
            } == events)
        #expect(outcome.lineCount == result.outcome.lineCount)
    }
}
