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

    @Test(arguments: [
        ("cases: []\n", "no cases"),
        ("cases:\n  - name: x\n    device: tonic-16\n    expect: {verdict: accepted}\n", "program"),
        (
            "cases:\n  - name: x\n    device: tonic-16\n    program: {amplitude: 5}\n    expect: {verdict: accepted}\n",
            "cases[0].program"
        ),
        (
            "cases:\n  - name: x\n    device: nope\n    program: {amplitude: 5, pulseWidth: 300, frequency: 50, contacts: {\"1\": -100, \"2\": 100}}\n    expect: {verdict: accepted}\n",
            "nope"
        ),
        (
            "cases:\n  - name: x\n    device: tonic-16\n    program: {amplitude: 5, pulseWidth: 300, frequency: 50, contacts: {\"1\": -100, \"2\": 100}}\n    expect: {verdict: fine}\n",
            "verdict"
        ),
        (
            "cases:\n  - name: x\n    device: tonic-16\n    program: {amplitude: 5, pulseWidth: 300, frequency: 50, contacts: {\"1\": -100, \"2\": 100}}\n    expect: {verdict: accepted, rules: [shanon]}\n",
            "shanon"
        ),
    ])
    func aMalformedPlanIsBadInputBeforeAnyCaseRuns(text: String, mentions: String) throws {
        let plan = try temporaryFile(text, name: "plan.yaml")
        let result = try SCSProcess.run(["check", plan])
        #expect(result.status == 2)
        #expect(result.stderr.contains(mentions))
    }

    private func junitCounts(_ path: String) throws -> (tests: Int, failures: Int) {
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: path))
        let suite = try #require(try document.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement)
        let cases = try document.nodes(forXPath: "//testcase").count
        let failures = try document.nodes(forXPath: "//testcase/failure").count
        #expect(suite.attribute(forName: "tests")?.stringValue == String(cases))
        return (cases, failures)
    }
}
