import DeviceProfiles
import Foundation
import StimSafety
import Testing

@testable import SCSCommands

/// Keys are matched as the user wrote them, in every schema: YAML 1.1 types an unquoted `on` as a
/// Boolean and `01` as a number, and a look-up by typed value missed them (`cycling.on: missing`).
@Suite("Keys as written")
struct SchemaKeyTests {
    @Test("Every key of every schema reads the same quoted as unquoted", arguments: try QuotedKey.all())
    func aQuotedKeyReadsAsTheUnquotedOne(variant: QuotedKey) throws {
        #expect(variant.text != variant.sample.text)
        #expect(try variant.sample.read(variant.text) == variant.sample.read(variant.sample.text))
    }

    @Test("Every sample reads the same written as JSON, every key double-quoted", arguments: try SchemaSample.all())
    func aSampleReadsTheSameAsJSON(sample: SchemaSample) throws {
        let json = try sample.json()
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
        #expect(try sample.read(json) == sample.read(sample.text))
    }

    @Test(
        "The samples use every key their schema allows, so a new key is quoted and unquoted too",
        arguments: [SchemaSample.Schema.program, .plan, .profile])
    func theSamplesCoverEveryKey(schema: SchemaSample.Schema) throws {
        let written = try SchemaSample.all().filter { $0.schema == schema }.flatMap { try $0.keys().map(\.text) }
        #expect(SchemaSample.schemaKeys(schema).subtracting(written).sorted() == [])
    }

    @Test(
        "A key YAML would type is named as written when the schema lacks it",
        arguments: ["on", "yes", "y", "n", "true", "null", "~", "01", "'off'", "\"no\""])
    func anUnknownKeyIsNamedAsWritten(key: String) throws {
        let text = SchemaSample.periodProgram + "\(key): 1\n"
        let error = try #require(throws: InputError.self) { try SchemaSample.programs[0].read(text) }
        let written = key.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        #expect(error.message.hasPrefix("unknown field '\(written)'"), "\(error)")
        #expect(error.file == "program.yaml" && error.field == written && error.line == 7)
    }

    @Test("A program with duty cycling reads from JSON and from YAML, as the issue reported")
    func dutyCyclingReadsFromJSONAndYAML() throws {
        let base = "\"amplitude\": 1, \"pulseWidth\": 300, \"frequency\": 50, \"contacts\": {\"1\": -100, \"2\": 100}"
        for (text, name) in [
            ("{\(base), \"cycling\": {\"on\": 60, \"off\": 60}}", "cycling.json"),
            ("{\(base), cycling: {on: 60, off: 60}}", "cycling.yaml"),
        ] {
            let result = try SCSProcess.run(
                ["validate", "--device", "tonic-16", "--program", try temporaryFile(text, name: name)])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty)
        }
    }

    @Test(
        "One contact written two ways is listed twice, in a program and in an impedance map",
        arguments: ["{1: -100, 01: 100}", "{\"1\": -100, 01: 100}"])
    func oneContactWrittenTwoWaysIsListedTwice(contacts: String) throws {
        let program = SchemaSample.periodProgram.replacingOccurrences(
            of: "contacts:\n  3: -100\n  4: 100\n", with: "contacts: \(contacts)\n")
        let programError = try #require(throws: InputError.self) { try SchemaSample.programs[0].read(program) }
        #expect(programError.description.hasPrefix("program.yaml:4:"))
        #expect(programError.field == "contacts.01" && programError.message == "contact '01' is listed twice")
        let impedance = SchemaSample(schema: .impedance, name: "map", text: "")
        let impedanceError = try #require(throws: InputError.self) {
            try impedance.read(contacts.replacingOccurrences(of: "-100", with: "900"))
        }
        #expect(impedanceError.description.hasPrefix("impedance.yaml:1:"))
        #expect(impedanceError.field == "01" && impedanceError.message == "contact '01' is listed twice")
    }

    @Test("One key written plain and quoted is a duplicate key, named with its line")
    func oneKeyWrittenPlainAndQuotedIsADuplicate() throws {
        let impedance = SchemaSample(schema: .impedance, name: "map", text: "")
        let error = try #require(throws: InputError.self) { try impedance.read("1: 900\n\"1\": 950\n") }
        #expect(error.description == "impedance.yaml:2: duplicate key '1' in one mapping (first on line 1) (column 1)")
    }
}
