import DeviceImport
import DeviceProfiles
import Foundation
import RecordingFormat
import StimSafety
import Testing
import TherapyLog

/// Reports holding values no device can hold: the import must not trap, must write only lines the
/// recording format allows, and must judge the same events whether the report is analysed directly or
/// through the recording it writes.
@Suite("Importing out-of-domain values")
struct OutOfDomainImportTests {
    /// The session fixture with the first occurrence of `original` replaced by `replacement`.
    static func report(replacing original: String, with replacement: String) throws -> [UInt8] {
        let text = try String(contentsOf: Fixtures.url("percept-session.json"), encoding: .utf8)
        let range = try #require(text.range(of: original), "the fixture has no \(original)")
        return Array(text.replacingCharacters(in: range, with: replacement).utf8)
    }

    /// The cases: what is replaced, and by what.
    static let cases: [(String, String)] = [
        (#""AmplitudeInMilliAmps": 2.9"#, #""AmplitudeInMilliAmps": -1"#),
        (#""AmplitudeInMilliAmps": 2.9"#, #""AmplitudeInMilliAmps": -0.5"#),
        (#""AmplitudeInMilliAmps": 2.9"#, #""AmplitudeInMilliAmps": "NaN""#),
        (#""AmplitudeInMilliAmps": 2.9"#, #""AmplitudeInMilliAmps": NaN"#),
        (#""AmplitudeInMilliAmps": 2.9"#, #""AmplitudeInMilliAmps": -Infinity"#),
        (#""AmplitudeInMilliAmps": 2.9"#, #""AmplitudeInMilliAmps": 1e30"#),
        (#""AmplitudeInMilliAmps": 2.9"#, #""AmplitudeInMilliAmps": 9223372036854775807"#),
        (#""AmplitudeInMilliAmps": 2.9"#, #""AmplitudeInMilliAmps": 1e-30"#),
        (#""PulseWidthInMicroSecond": 60"#, #""PulseWidthInMicroSecond": -60"#),
        (#""LowerLimitInMilliAmps": 2.6"#, #""LowerLimitInMilliAmps": -2.6"#),
        (#""RateInHertz": 130"#, #""RateInHertz": 1e300"#),
        (#""ElectrodeFractionOf64": -64"#, #""ElectrodeFractionOf64": -1e309"#),
        (#""ElectrodeFractionOf64": -21"#, #""ElectrodeFractionOf64": -1e308"#),
        (#""ElectrodeFractionOf64": -21"#, #""ElectrodeFractionOf64": 1e400"#),
        (#""Electrode": "ElectrodeDef.Zero""#, #""Electrode": "ElectrodeDef.E99999999999""#),
        (#""Electrode": "ElectrodeDef.One""#, #""Electrode": "ElectrodeDef.E99999999999""#),
        (#""SessionDate": "2026-01-10T10:00:00Z""#, #""SessionDate": "1678-01-01T00:00:00Z""#),
        (#""DateTime": "2026-01-09T18:00:00Z""#, #""DateTime": "2261-12-31T00:00:00Z""#),
    ]

    @Test(
        "every line import writes reads back strictly, and the recording's safety summary is the report's",
        arguments: cases)
    func sameSafetyEitherWay(original: String, replacement: String) throws {
        let result = try PerceptReport.read(
            try Self.report(replacing: original, with: replacement), file: "percept-session.json")
        let folder = try Fixtures.temporaryFolder()
        let url = folder.appendingPathComponent("imported.scsrec.jsonl")
        try result.recordingText.write(to: url, atomically: true, encoding: .utf8)
        let limits = Fixtures.profile(result.device).limits
        let written = try RecordingAnalysis.analyze(
            contentsOf: url, file: "imported.scsrec.jsonl", options: ReadingOptions(isStrict: true),
            limits: { _ in limits })
        let direct = Fixtures.report(result, file: "imported.scsrec.jsonl")
        #expect(written.findings.isEmpty, "\(written.findings)")
        #expect(written.safety == direct.safety)
        #expect(written.recordedHours == direct.recordedHours)
        #expect(written.therapyHours == direct.therapyHours)
    }

    @Test("a negative amplitude is an impossible note naming where it was, and no program line")
    func negativeAmplitude() throws {
        let result = try PerceptReport.read(
            try Self.report(replacing: #""AmplitudeInMilliAmps": 2.9"#, with: #""AmplitudeInMilliAmps": -1"#),
            file: "percept-session.json")
        let note = try #require(result.notes.first { $0.kind == .impossible && $0.file == "Groups.Initial" })
        #expect(note.message.contains("a program event the recording format cannot hold"))
        #expect(note.message.contains("'program.amplitude' must not be negative (got -1)"))
        #expect(!result.recordingText.contains(#""amplitude":-1"#))
        #expect(!result.events.contains { $0.source == "Groups.Initial" && $0.event.summary == "program 1 -1 mA" })
    }

    @Test("events more than 292 years after the start are impossible notes, and the span ends at the last one kept")
    func spanLongerThanARecordingHolds() throws {
        // 226 years from the session to the first event-log entries, 461 to the one moved to 2261.
        var bytes = try Self.report(
            replacing: #""SessionDate": "2026-01-10T10:00:00Z""#, with: #""SessionDate": "1800-01-01T00:00:00Z""#)
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(
            of: #""DateTime": "2026-01-09T18:00:00Z""#, with: #""DateTime": "2261-12-31T00:00:00Z""#)
        bytes = Array(text.utf8)
        let result = try PerceptReport.read(bytes, file: "percept-session.json")
        let dropped = result.notes.filter { $0.kind == .impossible && $0.message.contains("more than 292 years") }
        #expect(dropped.map(\.file) == ["DiagnosticData.EventLogs record 4"])
        #expect(result.end == Timestamp(rfc3339: "2026-01-10T10:30:00Z"), "the final settings, the last event kept")
        #expect(result.events.allSatisfy { result.header.spans($0.time) })
        _ = Fixtures.report(result, file: "span.scsrec.jsonl")
    }
}
