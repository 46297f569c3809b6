import DeviceProfiles
import Foundation
import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

/// Where the test inputs live, and how a test reads a recording.
enum TestRecordings {
    /// The repository root, found from this file's location.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // TherapyLogTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The hand-made edge-case recordings and their expected reports.
    static let edgeCases = root.appendingPathComponent("Recordings/edge-cases", isDirectory: true)

    /// The shipped device profiles.
    static let catalog: DeviceCatalog? = try? DeviceCatalog(
        contentsOf: root.appendingPathComponent("Devices", isDirectory: true))

    /// The limits of the shipped profile `id`.
    static func limits(_ id: String) throws -> DeviceLimits {
        try #require(catalog).profile(id: id).limits
    }

    /// Analyses `url` against the profile its header names, its days counted in `zone` too.
    static func analyze(
        _ url: URL, options: ReadingOptions = ReadingOptions(), zone: ReportZone = .utc
    ) throws -> RecordingReport {
        try RecordingAnalysis.analyze(contentsOf: url, file: url.lastPathComponent, options: options, zone: zone) {
            header in
            try limits(header.device)
        }
    }

    /// Writes `text` to a fresh temporary file named `name` and returns its URL.
    static func temporary(_ text: String, name: String = "test.scsrec.jsonl") throws -> URL {
        try temporary(Data(text.utf8), name: name)
    }

    static func temporary(_ data: Data, name: String = "test.scsrec.jsonl") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scs-therapylog-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    /// Analyses recording text (header and events, one per line) written to a temporary file.
    static func analyze(lines: [String], options: ReadingOptions = ReadingOptions()) throws -> RecordingReport {
        try analyze(temporary(lines.joined(separator: "\n") + "\n"), options: options)
    }

    /// A header line for `device` starting at `start`.
    static func header(_ start: String, device: String = "tonic-16") -> String {
        #"{"type":"header","format":"scs-recording","version":1,"device":"\#(device)","serial":"T-1","start":"\#(start)"}"#
    }
}

/// Compares two JSON values field by field, numbers to 1e-9 (relative above 1), and records each
/// difference with its path.
func expectSameJSON(
    _ actual: Any?, _ expected: Any?, path: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    switch (actual, expected) {
    case (let actual as [String: Any], let expected as [String: Any]):
        #expect(
            Set(actual.keys) == Set(expected.keys), "\(path): keys differ", sourceLocation: sourceLocation)
        for (key, value) in expected {
            expectSameJSON(actual[key], value, path: path + "." + key, sourceLocation: sourceLocation)
        }
    case (let actual as [Any], let expected as [Any]):
        #expect(
            actual.count == expected.count, "\(path): \(actual.count) elements, expected \(expected.count)",
            sourceLocation: sourceLocation)
        for (index, pair) in zip(actual, expected).enumerated() {
            expectSameJSON(pair.0, pair.1, path: "\(path)[\(index)]", sourceLocation: sourceLocation)
        }
    case (let actual as String, let expected as String):
        #expect(actual == expected, "\(path)", sourceLocation: sourceLocation)
    case (is NSNull, is NSNull), (nil, is NSNull), (is NSNull, nil):
        break
    case (let actual as NSNumber, let expected as NSNumber):
        let difference = abs(actual.doubleValue - expected.doubleValue)
        #expect(
            difference <= 1e-9 * max(1, abs(expected.doubleValue)),
            "\(path): \(actual) but expected \(expected)", sourceLocation: sourceLocation)
    default:
        Issue.record(
            "\(path): \(String(describing: actual)) but expected \(String(describing: expected))",
            sourceLocation: sourceLocation)
    }
}

/// The report as the JSON object `scs analyze --json` writes for it.
func jsonObject(_ report: RecordingReport) throws -> Any {
    var writer = JSONTextWriter(pretty: false)
    try report.writeJSON(to: &writer)
    return try JSONSerialization.jsonObject(with: Data(writer.bytes), options: [.fragmentsAllowed])
}

/// Whether `actual` is within `tolerance` of `expected` (relative above 1).
func isClose(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-12) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance * max(1, abs(expected))
}
