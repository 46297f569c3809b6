import Foundation
import RecordingFormat
import Testing

@testable import TherapyLog

/// Every hand-made recording in `Recordings/edge-cases` produces the report committed beside it.
@Suite("Edge-case recordings")
struct EdgeCaseRecordingTests {
    static let reports = [
        "malformed-lines", "truncated", "out-of-order", "midnight-boundaries", "therapy-without-program",
        "burst-with-cycling", "unknown-type", "charges-impedance-safety",
    ]
    static let errors = ["newer-version", "empty"]

    static func expected(_ name: String) throws -> [String: Any] {
        let url = TestRecordings.edgeCases.appendingPathComponent("\(name).expected.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func recording(_ name: String) -> URL {
        TestRecordings.edgeCases.appendingPathComponent("\(name).scsrec.jsonl")
    }

    /// The keys `docs/analysis-json.md` adds to those of `recording-format.md` §3, which the expected
    /// reports hold (added keys are tested on their own, so that the hand-worked figures stay as worked).
    static let addedKeys: Set = ["attention", "programSettings", "series", "assumedFigures"]

    @Test(arguments: reports)
    func eachRecordingProducesItsCommittedReportFieldByField(_ name: String) throws {
        let report = try TestRecordings.analyze(Self.recording(name))
        var actual = try #require(try jsonObject(report) as? [String: Any])
        #expect(Self.addedKeys.isSubset(of: actual.keys))
        for key in Self.addedKeys { actual[key] = nil }
        expectSameJSON(actual, try Self.expected(name), path: name)
    }

    @Test(arguments: reports)
    func theStrictDecoderAndTheFoundationDecoderGiveTheSameReport(_ name: String) throws {
        let url = Self.recording(name)
        let scanned = try TestRecordings.analyze(url)
        let reference = try RecordingAnalysis.analyze(
            contentsOf: url, file: url.lastPathComponent, decoder: FoundationLineDecoder()
        ) { header in try TestRecordings.limits(header.device) }
        // An invalid-json finding says where the strict parser stopped; Foundation gives no place.
        func withoutParserMessages(_ report: RecordingReport) -> RecordingReport {
            var report = report
            for index in report.findings.indices where report.findings[index].kind == .invalidJSON {
                report.findings[index].message = ""
            }
            return report
        }
        #expect(withoutParserMessages(scanned) == withoutParserMessages(reference))
    }

    @Test(arguments: errors)
    func eachUnreadableRecordingFailsWithItsCommittedMessage(_ name: String) throws {
        let expected = try #require(try Self.expected(name)["error"] as? String)
        #expect {
            _ = try TestRecordings.analyze(Self.recording(name))
        } throws: { error in
            (error as? RecordingError)?.description == expected
        }
    }

    @Test func everyRecordingInTheFolderHasAnExpectedReport() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestRecordings.edgeCases.path)
        let recordings = Set(names.filter { $0.hasSuffix(".scsrec.jsonl") }.map { String($0.dropLast(13)) })
        let expectations = Set(names.filter { $0.hasSuffix(".expected.json") }.map { String($0.dropLast(14)) })
        #expect(recordings == expectations)
        #expect(recordings == Set(Self.reports + Self.errors))
    }

    @Test func strictReadingStopsAtTheFirstMalformedLineNamingIt() throws {
        #expect {
            _ = try TestRecordings.analyze(Self.recording("malformed-lines"), options: ReadingOptions(isStrict: true))
        } throws: { error in
            guard let error = error as? RecordingError, case .invalidLine(.invalidJSON, _) = error.reason else {
                return false
            }
            return error.line == 4
        }
    }

    @Test(arguments: ["truncated", "out-of-order", "unknown-type"])
    func strictReadingKeepsTheOtherKindsAsFindings(_ name: String) throws {
        let url = Self.recording(name)
        if name == "truncated" {
            // Its cut-off last line is invalid JSON, which strict mode refuses.
            #expect(throws: RecordingError.self) {
                try TestRecordings.analyze(url, options: ReadingOptions(isStrict: true))
            }
            return
        }
        let strict = try TestRecordings.analyze(url, options: ReadingOptions(isStrict: true))
        let lenient = try TestRecordings.analyze(url)
        #expect(strict == lenient)
        #expect(!strict.findings.isEmpty)
    }
}
