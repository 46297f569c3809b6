import Foundation
import Testing

/// `docs/analysis-json.md` documents every key `scs analyze --json` writes, and keeps every key of
/// `recording-format.md` §3 marked as the contract.
@Suite("The analyze --json schema")
struct AnalysisJSONSchemaTests {
    /// The keys of the tables of a Markdown file: the first column's backticked names, with the
    /// fourth column (`§3` or `added`) where there is one.
    static func names(_ cell: some StringProtocol) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map {
            String($0.element.replacingOccurrences(of: "[]", with: ""))
        }
    }

    static func documentedKeys(_ path: String) throws -> [String: String] {
        let text = try String(contentsOf: SCSProcess.root.appendingPathComponent(path), encoding: .utf8)
        var keys: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let mark = cells.count > 4 ? cells[4] : ""
            for name in names(cells[1]) { keys[name] = mark }
        }
        return keys
    }

    /// Every key of `value`, at any depth, except those of the objects whose keys are data (rule ids,
    /// contacts).
    static func keys(of value: Any) -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set(object.keys)) { keys, member in
                if member.key != "byRule", member.key != "contacts" { keys.formUnion(Self.keys(of: member.value)) }
            }
        }
        if let array = value as? [Any] { return array.reduce(into: []) { $0.formUnion(keys(of: $1)) } }
        return []
    }

    @Test func everyKeyTheReportWritesIsDocumented() throws {
        let documented = try Self.documentedKeys("docs/analysis-json.md")
        let result = try SCSProcess.run([
            "analyze", "--json", AnalyzeAttentionGoldenTests.recording,
            AnalyzeCommandTests.path("charges-impedance-safety"),
            AnalyzeCommandTests.path("malformed-lines"), "Tests/DeviceImportTests/Fixtures/rcs-session",
            "Tests/DeviceImportTests/Fixtures/percept-session.json",
            "Recordings/simulated/burst-16-primary-120d.scsrec.jsonl",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let written = Self.keys(of: try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)))
        #expect(written.subtracting(documented.keys).sorted() == [])
        #expect(written.isSuperset(of: ["attention", "programSettings", "import", "notEvaluated", "severity"]))
        // No figure carries the noise of binary arithmetic.
        #expect(result.stdout.firstMatch(of: /[0-9]\.?[0-9]{15,}/) == nil)
    }

    @Test func everyContractKeyOfTheFormatIsMarkedAsSuch() throws {
        let documented = try Self.documentedKeys("docs/analysis-json.md")
        let text = try String(
            contentsOf: SCSProcess.root.appendingPathComponent("docs/recording-format.md"), encoding: .utf8)
        let section = try #require(
            text.components(separatedBy: "## 3.").dropFirst().first?.components(separatedBy: "## 4.").first)
        let contract = section.split(separator: "\n").filter { $0.hasPrefix("| `") }.flatMap { line in
            Self.names(line.split(separator: "|")[0])
        }
        #expect(contract.count >= 19)
        for key in contract { #expect(documented[key] == "§3", "\(key)") }
    }
}
