import DeviceImport
import DeviceProfiles
import Foundation
import RecordingFormat
import StimSafety
import Testing
import TherapyLog

/// MATLAB's JSON encoder writes a one-element array as its bare element; these tests read every
/// fixture in both shapes.
@Suite("Reports and session files whose one-element arrays are bare objects")
struct ArrayShapeTests {
    static let perceptFixtures = ["percept-session.json", "percept-sparse.json", "percept-sensing.json"]
    static let rcsFixtures = ["rcs-session", "rcs-stimlog-only"]

    /// `value` with its one-element arrays of objects written as their object where `seed` picks them:
    /// all of them for seed 0, otherwise about half, a different half for each seed.
    static func collapsed(_ value: JSONValue, seed: UInt64) -> JSONValue {
        var count: UInt64 = 0
        func walk(_ value: JSONValue) -> JSONValue {
            switch value {
            case .array(let elements):
                let inner = elements.map(walk)
                guard inner.count == 1, case .object = inner[0] else { return .array(inner) }
                count += 1
                let picked = seed == 0 || ((seed &+ count) &* 0x9E37_79B9_7F4A_7C15) >> 63 == 1
                return picked ? inner[0] : .array(inner)
            case .object(let members):
                // Sorted, so that the walk meets the arrays in the same order every run.
                return .object(
                    Dictionary(
                        uniqueKeysWithValues: members.sorted { $0.key < $1.key }.map { ($0.key, walk($0.value)) }))
            default:
                return value
            }
        }
        return walk(value)
    }

    /// The number of one-element arrays of objects in `value`.
    static func singletons(_ value: JSONValue) -> Int {
        switch value {
        case .array(let elements):
            let isSingleton = elements.count == 1 && elements[0].typeName == "an object"
            return elements.map(singletons).reduce(isSingleton ? 1 : 0, +)
        case .object(let members): return members.values.map(singletons).reduce(0, +)
        default: return 0
        }
    }

    /// JSON text for `value`.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number
        case .string(let string): String(decoding: try! JSONEncoder().encode(string), as: UTF8.self)
        case .array(let elements): "[" + elements.map(text).joined(separator: ",\n") + "]"
        case .object(let members):
            "{" + members.map { self.text(.string($0.key)) + ": " + text($0.value) }.joined(separator: ",\n") + "}"
        }
    }

    static func document(_ url: URL) throws -> JSONValue {
        try TolerantJSON(parsing: Array(Data(contentsOf: url))).value
    }

    static func percept(_ name: String, seed: UInt64) throws -> ImportResult {
        let value = collapsed(try document(Fixtures.url(name)), seed: seed)
        return try PerceptReport.read(Array(text(value).utf8), file: name)
    }

    static func rcs(_ name: String, seed: UInt64) throws -> ImportResult {
        let folder = try Fixtures.temporaryFolder()
        for file in RCSFile.allCases {
            let url = Fixtures.url(name).appendingPathComponent(file.name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let value = collapsed(try document(url), seed: seed)
            try Data(text(value).utf8).write(to: folder.appendingPathComponent(file.name))
        }
        return try RCSSession.read(
            folder: folder, name: name, limits: Fixtures.profile(RCSSession.profileID).limits)
    }

    @Test(
        "Every one-element array of a Percept report written as its object gives the same recording",
        arguments: perceptFixtures)
    func perceptBothShapes(name: String) throws {
        #expect(Self.singletons(try Self.document(Fixtures.url(name))) > 0, "the fixture has no one-element array")
        let arrays = try Fixtures.percept(name)
        let objects = try Self.percept(name, seed: 0)
        #expect(objects.recordingText == arrays.recordingText)
        // Repairs name lines, which the rewritten text moves.
        #expect(objects.notes.filter { $0.kind != .repair } == arrays.notes.filter { $0.kind != .repair })
    }

    @Test(
        "Every one-element array of an RC+S session's files written as its object gives the same recording",
        arguments: rcsFixtures)
    func rcsBothShapes(name: String) throws {
        let arrays = try Fixtures.rcs(name)
        let objects = try Self.rcs(name, seed: 0)
        #expect(objects.recordingText == arrays.recordingText)
    }

    @Test("A MATLAB-written report whose stimulation is on throughout shows the active group's therapy")
    func matlabReportDeliversTherapy() throws {
        let result = try Self.percept("percept-session.json", seed: 0)
        let report = Fixtures.report(result, file: "percept-session.json")
        #expect(report.therapyHours == 38.5)
        #expect(report.programs.map(\.slot) == [1, 5])
    }

    @Test("Collapsing any choice of one-element arrays into objects changes nothing in the recording")
    func collapsingAnySubsetChangesNothing() throws {
        for name in Self.perceptFixtures {
            let expected = try Fixtures.percept(name).recordingText
            for seed in 1...40 as ClosedRange<UInt64> {
                let result = try Self.percept(name, seed: seed)
                #expect(result.recordingText == expected, "\(name), seed \(seed)")
            }
        }
        for name in Self.rcsFixtures {
            let expected = try Fixtures.rcs(name).recordingText
            for seed in 1...10 as ClosedRange<UInt64> {
                let result = try Self.rcs(name, seed: seed)
                #expect(result.recordingText == expected, "\(name), seed \(seed)")
            }
        }
    }
}
