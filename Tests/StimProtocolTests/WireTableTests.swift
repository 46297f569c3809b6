import Foundation
import StimProtocol
import StimSafety
import Testing

@Suite("Wire tables")
struct WireTableTests {
    @Test("every rule id has a distinct wire number, and number and name both lead back to it")
    func ruleNumbers() {
        let numbers = RuleID.allCases.map(\.wireNumber)
        #expect(Set(numbers).count == RuleID.allCases.count)
        for rule in RuleID.allCases {
            #expect(RuleID(wireNumber: rule.wireNumber) == rule)
            #expect(RuleID(name: rule.name) == rule)
        }
        #expect(RuleID(wireNumber: 0) == nil)
        #expect(RuleID(wireNumber: 25) == nil)
    }

    @Test(
        "wire numbers are the frozen table",
        arguments: [
            ("amplitude.range", UInt8(1)), ("waveform.supported", 7), ("shannon", 14), ("timing.period", 15),
            ("amplitude.slew", 20), ("patientRange.compliance", 24),
        ])
    func frozenNumbers(name: String, number: UInt8) throws {
        #expect(try #require(RuleID(name: name)).wireNumber == number)
    }

    @Test("message type names and error code names are distinct and complete")
    func names() {
        #expect(Set(MessageType.known.compactMap(\.name)).count == MessageType.known.count)
        #expect(Set(ErrorCode.known.compactMap(\.name)).count == ErrorCode.known.count)
        #expect(MessageType(rawValue: 0x7F).description == "unknown(0x7F)")
        #expect(ErrorCode(rawValue: 999).description == "error(999)")
    }

    /// The rows of the first Markdown table in `docs/protocol.md` under `heading` as trimmed cells.
    static func table(under heading: String) throws -> [[String]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/protocol.md"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: heading), "no heading \(heading)")
        let rows = lines[(start + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        return rows.dropFirst(2).map { row in
            row.split(separator: "|").map {
                $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "")
            }
        }
    }

    @Test("the rule table in docs/protocol.md matches the code")
    func documentedRules() throws {
        let rows = try Self.table(under: "### Rule ids")
        #expect(rows.count == RuleID.allCases.count)
        for row in rows {
            let rule = try #require(RuleID(name: row[1]), "unknown rule \(row[1])")
            #expect(String(rule.wireNumber) == row[0])
        }
    }

    @Test("the message type table in docs/protocol.md matches the code")
    func documentedTypes() throws {
        let rows = try Self.table(under: "### Message types")
        #expect(rows.count == MessageType.known.count)
        for row in rows {
            let type = try #require(MessageType.known.first { $0.name == row[1] }, "unknown type \(row[1])")
            #expect(row[0] == "0x" + String(format: "%02X", type.rawValue))
        }
    }

    @Test("the error code table in docs/protocol.md matches the code")
    func documentedErrorCodes() throws {
        let rows = try Self.table(under: "### Error codes")
        #expect(rows.count == ErrorCode.known.count)
        for row in rows {
            let code = try #require(ErrorCode.known.first { $0.name == row[1] }, "unknown code \(row[1])")
            #expect(row[0] == String(code.rawValue))
        }
    }
}
