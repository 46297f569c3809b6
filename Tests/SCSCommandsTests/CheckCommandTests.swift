import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("scs check")
struct CheckCommandTests {
    @Test func theShippedPresetsPassAndTheJUnitReportCountsEveryCase() throws {
        let junit = FileManager.default.temporaryDirectory.appendingPathComponent("scs-check-\(UUID()).xml").path
        let result = try SCSProcess.run(["check", "Tests/Plans/presets.yaml", "--junit", junit])
        #expect(result.status == 0)
        #expect(result.stdout.contains("0 failed"))
        let counts = try junitCounts(junit)
        #expect(counts.tests == 18)
        #expect(counts.failures == 0)
    }

    @Test func aCaseThatDiffersFailsTheRunAndIsAFailureInJUnit() throws {
        let plan = try temporaryFile(
            """
            cases:
              - name: expects acceptance of a rejected program
                device: tonic-16
                program: {amplitude: 10, pulseWidth: 500, frequency: 50, contacts: {"1": -100, "2": 100}}
                expect: {verdict: accepted}
              - name: expects the right rules
                device: tonic-16
                program: {amplitude: 7, pulseWidth: 300, frequency: 50, contacts: {"1": -100, "2": 100}}
                expect: {verdict: accepted-with-warnings, rules: [shannon]}
            """, name: "plan.yaml")
        let junit = plan + ".xml"
        let result = try SCSProcess.run(["check", plan, "--junit", junit])
        #expect(result.status == 1)
        #expect(result.stdout.contains("expected accepted, got rejected [chargeDensity, shannon]"))
        let counts = try junitCounts(junit)
        #expect(counts.tests == 2)
        #expect(counts.failures == 1)
    }

    static let unreadablePlans: [(text: String, says: String)] = [
        ("cases: []\n", "plan.yaml:1:8: cases: the plan has no cases"),
        ("# nothing but a comment\n", "plan.yaml: the plan is empty; give a list of cases"),
        ("cases: 3\n", "plan.yaml:1:8: cases: must be a list, not '3'"),
        ("case:\n  - name: x\n", "plan.yaml:2:3: case: unknown field 'case' (did you mean 'cases'?)"),
        ("cases:\n  - name: [x\n", "plan.yaml:3: YAML syntax error"),
        ("base: &b {name: x}\ncases: [*b]\n", "plan.yaml:2: uses the alias *b"),
        ("- just a list\n", "plan.yaml:1:1: must be a mapping of fields, not a list"),
    ]

    @Test(arguments: unreadablePlans)
    func aPlanThatCannotBeReadIsBadInputNamingTheFileAndWritesNoReport(text: String, says: String) throws {
        let plan = try temporaryFile(text, name: "plan.yaml")
        let junit = plan + ".xml"
        let result = try SCSProcess.run(["check", plan, "--junit", junit])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(says), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: junit))
    }

    @Test func jsonGivesTheCountsAndEachCaseWithWhatItExpectedAndWhatItGot() throws {
        let plan = try temporaryFile(
            """
            cases:
              - name: passes
                device: tonic-16
                program: {amplitude: 5, pulseWidth: 300, frequency: 50, contacts: {"1": -100, "2": 100}}
                expect: {verdict: accepted}
              - name: differs
                device: tonic-16
                program: {amplitude: 10, pulseWidth: 500, frequency: 50, contacts: {"1": -100, "2": 100}}
                expect: {verdict: accepted, rules: []}
              - name: cannot run
                device: nowhere
                program: {amplitude: 5, pulseWidth: 300, frequency: 50, contacts: {"1": -100, "2": 100}}
                expect: {verdict: accepted}
            """, name: "plan.yaml")
        let result = try SCSProcess.run(["check", plan, "--json"])
        #expect(result.status == 1)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["plan"] as? String == plan)
        #expect(document["passed"] as? Int == 1 && document["failed"] as? Int == 1 && document["errors"] as? Int == 1)
        let cases = try #require(document["cases"] as? [[String: Any]])
        #expect(cases.map { $0["result"] as? String } == ["passed", "failed", "error"])
        #expect(cases[0]["difference"] == nil)
        let got = try #require(cases[1]["got"] as? [String: Any])
        #expect(got["verdict"] as? String == "rejected")
        let rules = try #require(got["rules"] as? [String])
        #expect(!rules.isEmpty)
        let findings = try #require(got["findings"] as? [[String: Any]])
        #expect(Set(findings.compactMap { $0["rule"] as? String }) == Set(rules))
        #expect((cases[1]["expected"] as? [String: Any])?["rules"] as? [String] == [])
        #expect((cases[1]["difference"] as? String)?.hasPrefix("expected accepted [], got rejected [") == true)
        #expect(cases[2]["got"] == nil)
        #expect((cases[2]["difference"] as? String)?.contains("nowhere") == true)
        let conflict = try SCSProcess.run(["check", plan, "--json", "--junit", "-"])
        #expect(conflict.status == 2)
        #expect(conflict.stderr.hasPrefix("error: --junit -: standard output already carries the --json document"))
    }

    @Test func caseNamesWithMarkupAndControlCharactersStayWellFormedJUnit() throws {
        let plan = try temporaryFile(
            """
            cases:
              - name: "a <b> & \\"c\\" 'd' \\x01 e"
                device: tonic-16
                program: {amplitude: 5, pulseWidth: 300, frequency: 50, contacts: {"1": -100, "2": 100}}
                expect: {verdict: accepted}
            """, name: "plan.yaml")
        let junit = plan + ".xml"
        #expect(try SCSProcess.run(["check", plan, "--junit", junit]).status == 0)
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: junit))
        let testcase = try #require(try document.nodes(forXPath: "//testcase").first as? XMLElement)
        // The five markup characters come back as written; a control character XML cannot hold becomes U+FFFD.
        #expect(testcase.attribute(forName: "name")?.stringValue == "a <b> & \"c\" 'd' \u{FFFD} e")
    }

    /// A plan of three cases whose second is `lines` (after its name), each indented under the list entry.
    static func planAround(_ lines: [String]) -> String {
        let good = [
            "    device: tonic-16",
            "    program: {amplitude: 5, pulseWidth: 300, frequency: 50, contacts: {\"1\": -100, \"2\": 100}}",
            "    expect: {verdict: accepted}",
        ]
        let cases = [
            ["  - name: first"] + good, ["  - name: broken"] + lines.map { "    " + $0 }, ["  - name: third"] + good,
        ]
        return (["cases:"] + cases.flatMap { $0 }).joined(separator: "\n") + "\n"
    }

    static let program = "program: {amplitude: 5, pulseWidth: 300, frequency: 50, contacts: {\"1\": -100, \"2\": 100}}"

    /// A broken second case (line 6 is its name, line 7 its first field) and what its error says after
    /// the plan's name: `line:column: field: message`.
    static let brokenCases: [(lines: [String], says: String)] = [
        (["device: nope", program, "expect: {verdict: accepted}"], "7:13: cases[1].device: unknown device 'nope'"),
        (
            ["device: tonic-16", "expect: {verdict: accepted}"],
            "6:5: cases[1].program: give exactly one of program or programFile"
        ),
        (
            ["device: tonic-16", "program: {amplitude: 5}", "expect: {verdict: accepted}"],
            "8:14: cases[1].program.pulseWidth: is required"
        ),
        (
            ["device: tonic-16", program, "expect: {verdict: fine}"],
            "9:23: cases[1].expect.verdict: 'fine' is not one of"
        ),
        (
            ["device: tonic-16", program, "expect: {verdict: accepted, rules: [shanon]}"],
            "9:41: cases[1].expect.rules[0]: 'shanon' is not a rule id"
        ),
        (
            ["device: tonic-16", "slot: 9", program, "expect: {verdict: accepted}"],
            "8:11: cases[1].slot: tonic-16 has slots 1…4 (got 9)"
        ),
        (
            ["device: tonic-16", "slot: 0", program, "expect: {verdict: accepted}"],
            "8:11: cases[1].slot: tonic-16 has slots 1…4 (got 0)"
        ),
        (
            ["device: tonic-16", "slot: -1", program, "expect: {verdict: accepted}"],
            "8:11: cases[1].slot: must not be negative (got -1)"
        ),
        (
            ["device: tonic-16", program, "expct: {verdict: accepted}"],
            "9:12: cases[1].expct: unknown field 'expct' (did you mean 'expect'?)"
        ),
        (
            ["device: tonic-16", "impedance: {\"40\": 800}", program, "expect: {verdict: accepted}"],
            "8:23: cases[1].impedance.40: contact '40' does not exist on this device"
        ),
        (
            [
                "device: tonic-16",
                "program: {amplitude: 5, pulseWidth: 300, frequency: 50, contacts: {"
                    + (1...18).map { "\"\($0)\": 0" }.joined(separator: ", ") + "}}",
                "expect: {verdict: accepted}",
            ],
            "8:71: cases[1].program.contacts: lists 18 contacts, more than the device has (16 lead contacts and the case)"
        ),
        (
            ["device: tonic-16", "programFile: nowhere.yaml", "expect: {verdict: accepted}"],
            "8:18: cases[1].programFile: "
        ),

    ]

    @Test(arguments: brokenCases)
    func aCaseThatCannotRunIsAnErrorCaseNamingThePlanAndLineAndTheOthersStillRun(
        lines: [String], says: String
    ) throws {
        let plan = try temporaryFile(Self.planAround(lines), name: "plan.yaml")
        let junit = plan + ".xml"
        let result = try SCSProcess.run(["check", plan, "--junit", junit])
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        let output = result.stdout.split(separator: "\n").map(String.init)
        #expect(output.first == "✓ first")
        #expect(output.dropFirst().first?.hasPrefix("! broken: ") == true)
        #expect(output.dropFirst().first?.hasPrefix("! broken: \(plan):\(says)") == true, "\(result.stdout)")
        #expect(output.dropFirst(2).first == "✓ third")
        #expect(output.last == "check: 2 passed, 0 failed, 1 error (cases that could not run)")
        let counts = try junitCounts(junit)
        #expect(counts.tests == 3 && counts.failures == 0 && counts.errors == 1)
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: junit))
        let error = try #require(
            try document.nodes(forXPath: "//testcase[@name='broken']/error").first as? XMLElement)
        let message = try #require(error.attribute(forName: "message")?.stringValue)
        #expect(message.hasPrefix("\(plan):\(says)"), "\(message)")
    }

    @Test func aBadProgramFileNamesThePlanLineThatGivesItAndItsOwnFieldAndLine() throws {
        let plan = try temporaryFile(
            Self.planAround(["device: tonic-16", "programFile: program.json", "expect: {verdict: accepted}"]),
            name: "plan.yaml")
        let program = URL(fileURLWithPath: plan).deletingLastPathComponent().appendingPathComponent("program.json")
        try "{\"amplitude\": 5,\n \"pulseWidth\": 300,\n \"frequency\": 50,\n \"contacts\": {\"1\": \"-\"}}\n"
            .write(to: program, atomically: true, encoding: .utf8)
        let result = try SCSProcess.run(["check", plan])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "! broken: \(plan):8:18: cases[1].programFile: \(program.path):4:20: contacts.1: must be a number (got '-')"
            ),
            "\(result.stdout)")
    }

    private func junitCounts(_ path: String) throws -> (tests: Int, failures: Int, errors: Int) {
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: path))
        let suite = try #require(try document.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement)
        let cases = try document.nodes(forXPath: "//testcase").count
        let failures = try document.nodes(forXPath: "//testcase/failure").count
        let errors = try document.nodes(forXPath: "//testcase/error").count
        #expect(suite.attribute(forName: "tests")?.stringValue == String(cases))
        #expect(suite.attribute(forName: "failures")?.stringValue == String(failures))
        #expect(suite.attribute(forName: "errors")?.stringValue == String(errors))
        return (cases, failures, errors)
    }
}
