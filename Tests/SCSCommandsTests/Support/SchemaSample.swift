import Foundation
import StimSafety
import Testing
import Yams

@testable import DeviceProfiles
@testable import SCSCommands

/// A document of one of the schemas users write, and how to read it into a comparable value.
struct SchemaSample: Sendable, CustomTestStringConvertible {
    enum Schema: String, Sendable {
        case program, impedance, plan, profile
    }

    var schema: Schema
    /// A name for test output (the shipped profile's file name, or the sample's).
    var name: String
    /// The document, every key written plain (unquoted).
    var text: String

    var testDescription: String { "\(schema.rawValue) \(name)" }

    /// Every sample: programs, an impedance map and a plan written for these tests, and each shipped
    /// device profile.
    static func all() throws -> [SchemaSample] {
        let devices = SCSProcess.root.appendingPathComponent("Devices")
        let profiles = try FileManager.default.contentsOfDirectory(atPath: devices.path).filter {
            $0.hasSuffix(".yaml")
        }
        .sorted().map { file in
            SchemaSample(
                schema: .profile, name: file,
                text: try String(contentsOf: devices.appendingPathComponent(file), encoding: .utf8))
        }
        return programs + [
            SchemaSample(schema: .impedance, name: "map", text: "{1: 900, 02: 1100, case: 95}\n"),
            SchemaSample(schema: .plan, name: "every field", text: plan),
        ] + profiles
    }

    /// The program samples.
    static var programs: [SchemaSample] {
        [
            SchemaSample(schema: .program, name: "burst", text: burstProgram),
            SchemaSample(schema: .program, name: "period", text: periodProgram),
        ]
    }

    /// Every field of a program but `period`; `02` is contact 2 and `on`/`off` are YAML 1.1 Booleans.
    static let burstProgram = """
        amplitude: 3.5
        pulseWidth: 300
        frequency: 40
        waveform: burst
        pulsesPerBurst: 5
        intraBurstRate: 500
        contacts: {1: -100, 02: 50, case: 50}
        recovery: passive
        interphaseGap: 20
        cycling: {on: 60, off: 120}
        patientRange: {min: 1, max: 5}

        """

    static let periodProgram = """
        amplitude: 2
        pulseWidth: 200
        period: 10000
        contacts:
          3: -100
          4: 100

        """

    /// Every field of a plan; the second case reads `program.yaml` beside the plan (``burstProgram``).
    static let plan = """
        cases:
          - name: every field
            device: research-ins-16
            program: {amplitude: 2, pulseWidth: 100, period: 10000, contacts: {1: -100, 2: 100}, cycling: {on: 30, off: 30}}
            impedance: {1: 900, case: 100}
            slot: 2
            expect: {verdict: accepted, rules: []}
          - name: from a file
            device: tonic-16
            programFile: program.yaml
            expect:
              verdict: rejected
              rules: [shannon, chargeDensity]

        """

    /// The keys each schema allows, as the readers list them.
    static func schemaKeys(_ schema: Schema) -> Set<String> {
        switch schema {
        case .program:
            Set(ProgramDecoder.fields + ProgramDecoder.cyclingFields + ProgramDecoder.patientRangeFields)
        case .impedance: []
        case .plan:
            // A plan's programs are read by the program reader, whose keys the program samples cover.
            Set(["cases"] + CheckCase.fields + CheckCase.expectFields)
        case .profile: Set(ProfileFields.allCases.flatMap(\.keys))
        }
    }

    /// The shipped profiles, loaded once.
    static let catalog = Result { try DeviceCatalog(contentsOf: SCSProcess.root.appendingPathComponent("Devices")) }

    /// Reads `text` as this sample's schema into a value that two readings can be compared by.
    func read(_ text: String) throws -> AnyHashable {
        let catalog = try Self.catalog.get()
        let tonic = try catalog.profile(id: "tonic-16").limits
        switch schema {
        case .program:
            return try ProgramDecoder.decode(YAMLField.parse(text, file: "program.yaml"), limits: tonic)
        case .impedance:
            return try ImpedanceDecoder.decode(YAMLField.parse(text, file: "impedance.yaml"), limits: tonic)
        case .plan:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-plan-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try Self.burstProgram.write(
                to: folder.appendingPathComponent("program.yaml"), atomically: true, encoding: .utf8)
            let file = folder.appendingPathComponent("plan.yaml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let plan = try CheckPlan.read(file: file.path)
            return try plan.cases.map { field -> [AnyHashable] in
                let read = try CheckCase.read(field, profiles: catalog.profiles, directory: folder.path)
                return [
                    CheckCase.label(of: field).name, read.profile.id, read.program, read.context, read.expectedVerdict,
                    read.expectedRules,
                ]
            }
        case .profile:
            let profile = try DeviceProfile(yaml: text, path: name)
            return [profile.id, profile.name, profile.modeledOn, profile.programs, profile.usb, profile.limits]
                as [AnyHashable]
        }
    }

    /// Where each key of the document is written, in document order.
    func keys() throws -> [(text: String, line: Int, column: Int)] {
        var found: [(String, Int, Int)] = []
        func walk(_ node: Node) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    if let text = key.scalar?.string, let mark = key.mark {
                        found.append((text, mark.line, mark.column))
                    }
                    walk(value)
                }
            case .sequence(let sequence): sequence.forEach(walk)
            case .scalar, .alias: break
            }
        }
        if let root = try YAMLDocument.compose(text) { walk(root) }
        return found
    }

    /// The document with the key written at `line` and `column` quoted by `quote` (`'` or `"`).
    func quoting(_ key: (text: String, line: Int, column: Int), with quote: Character) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        let start = key.column - 1
        let end = start + key.text.unicodeScalars.count
        let quoted = Array("\(quote)\(key.text)\(quote)".unicodeScalars)
        lines[key.line - 1].replaceSubrange(start..<end, with: quoted)
        return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
    }

    /// The document as JSON: every key a double-quoted string, numbers, Booleans and null bare.
    func json() throws -> String {
        func write(_ node: Node) -> String {
            switch node {
            case .mapping(let mapping):
                "{"
                    + mapping.map { quoted($0.key.scalar?.string ?? "") + ": " + write($0.value) }
                    .joined(separator: ", ") + "}"
            case .sequence(let sequence): "[" + sequence.map(write).joined(separator: ", ") + "]"
            case .scalar(let scalar):
                switch Tag.Name(rawValue: node.tag.description) {
                case .null: "null"
                case .bool: scalar.string.lowercased()
                case .int:
                    scalar.string.lowercased().hasPrefix("0x")
                        ? String(Int(scalar.string.dropFirst(2), radix: 16) ?? -1) : scalar.string
                case .float: scalar.string
                default: quoted(scalar.string)
                }
            case .alias: "null"
            }
        }
        return try YAMLDocument.compose(text).map(write) ?? "null"
    }

    private func quoted(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed)
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}

/// One key of a sample written quoted, the rest as the sample has them.
struct QuotedKey: Sendable, CustomTestStringConvertible {
    var sample: SchemaSample
    var key: String
    var line: Int
    var text: String

    var testDescription: String { "\(sample.testDescription), line \(line): \(key)" }

    /// Every key of every sample, single- and double-quoted.
    static func all() throws -> [QuotedKey] {
        try SchemaSample.all().flatMap { sample in
            try sample.keys().flatMap { key in
                ["'", "\""].map { (quote: Character) in
                    QuotedKey(
                        sample: sample, key: "\(quote)\(key.text)\(quote)", line: key.line,
                        text: sample.quoting(key, with: quote))
                }
            }
        }
    }
}
