import Foundation
import Testing

/// Text written on Windows (`\r\n` line ends) reads as the same text with `\n`.
@Suite("CRLF line ends")
struct CRLFTests {
    static func crlf(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\r\n") }

    @Test func aCRLFSessionScriptRunsLineByLine() throws {
        let script = "status\nwrite 1 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+\nactivate 1\non\n"
        let unix = try SCSProcess.run(
            ["session", "--device", "tonic-16", "--script", try temporaryFile(script, name: "lf.scs")])
        let windows = try SCSProcess.run(
            ["session", "--device", "tonic-16", "--script", try temporaryFile(Self.crlf(script), name: "crlf.scs")])
        #expect(windows.status == 0, "\(windows.stderr)")
        #expect(windows.stdout == unix.stdout)
        #expect(windows.stdout.contains("> activate 1\nslot 1 active"))
        let piped = try SCSProcess.run(["session", "--device", "tonic-16"], input: Self.crlf(script))
        #expect(piped.stdout == unix.stdout)
    }

    @Test func crlfProgramImpedancePlanAndProfileFilesReadAsTheirLFForms() throws {
        let program = try temporaryFile(
            Self.crlf("amplitude: 5\npulseWidth: 300\nfrequency: 50\ncontacts:\n  \"1\": -100\n  \"2\": 100\n"),
            name: "program.yaml")
        let impedance = try temporaryFile(Self.crlf("\"1\": 900\n\"2\": 950\n"), name: "ohms.yaml")
        let validated = try SCSProcess.run([
            "validate", "--device", "tonic-16", "--program", program, "--impedance", impedance, "--json",
        ])
        #expect(validated.status == 0, "\(validated.stderr)")
        #expect(validated.stdout.contains("\"verdict\" : \"accepted\""))
        let plan = try temporaryFile(
            Self.crlf(
                """
                cases:
                  - name: from a Windows editor
                    device: tonic-16
                    programFile: program.yaml
                    expect: {verdict: accepted, rules: []}

                """), name: "plan.yaml")
        try FileManager.default.copyItem(
            atPath: program, toPath: (plan as NSString).deletingLastPathComponent + "/program.yaml")
        let checked = try SCSProcess.run(["check", plan])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        let devices = (try temporaryFile("", name: "x") as NSString).deletingLastPathComponent
        let profile = try String(
            contentsOf: SCSProcess.root.appendingPathComponent("Devices/tonic-16.yaml"), encoding: .utf8)
        try Self.crlf(profile).write(toFile: devices + "/tonic-16.yaml", atomically: true, encoding: .utf8)
        let listed = try SCSProcess.run(["devices", "--devices", devices, "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("\"id\" : \"tonic-16\""))
    }

    @Test func aCRLFRecordingAnalysesAsItsLFForm() throws {
        let path = "Recordings/edge-cases/malformed-lines.scsrec.jsonl"
        let text = try String(contentsOf: SCSProcess.root.appendingPathComponent(path), encoding: .utf8)
        let unix = try SCSProcess.run(["analyze", path, "--json"])
        let windows = try SCSProcess.run(["analyze", "-", "--json"], input: Self.crlf(text))
        let withoutFile = { (text: String) in text.split(separator: "\n").filter { !$0.contains("\"file\"") } }
        #expect(withoutFile(windows.stdout) == withoutFile(unix.stdout))
    }
}
