import Foundation
import Testing

/// Inputs that once stopped `scs` on an arithmetic trap (signal 4): each now ends with an exit status
/// of the contract and, for bad input, one message naming where.
@Suite("inputs that reached an arithmetic trap")
struct ArithmeticTrapTests {
    static let header =
        #"{"type":"header","format":"scs-recording","version":1,"device":"tonic-16","serial":"IPG-1","start":"2026-01-01T00:00:00Z"}"#
    static let hugeCycling =
        #"{"amplitude":2,"pulseWidth":100,"frequency":100,"contacts":{"3":-100,"4":100},"cycling":{"on":9000000000000000,"off":9000000000000000}}"#

    /// A recording of `lines` after `header`.
    static func recording(_ lines: [String], header: String = header) throws -> String {
        try temporaryFile(([header] + lines).joined(separator: "\n") + "\n", name: "r.scsrec.jsonl")
    }

    static let program = ["--amplitude", "4", "--pulse-width", "300", "--frequency", "50"]

    @Test(
        "program flags at the edges of 64 bits are judged, not a crash",
        arguments: [
            (["--contacts", "2-,3+", "--cycling", "9000000000000000/9000000000000000"], Int32(0)),
            (["--contacts", "1-9000000000000000,2-9000000000000000,3-,4+"], Int32(1)),
        ] as [([String], Int32)])
    func validateFlags(flags: [String], status: Int32) throws {
        let result = try SCSProcess.run(["validate", "--device", "tonic-16"] + Self.program + flags)
        #expect(result.status == status, "\(result.stdout)\(result.stderr)")
    }

    @Test("an envelope with cycling spans near 2⁶³ ms is computed")
    func envelopeCycling() throws {
        let result = try SCSProcess.run([
            "envelope", "--device", "tonic-16", "--contacts", "2-,3+", "--cycling", "9000000000000000/9000000000000000",
        ])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("a recording with cycling spans near 2⁶³ ms is analysed and replayed")
    func recordingCycling() throws {
        let file = try Self.recording([
            #"{"t":"2026-01-01T00:00:00Z","type":"program","slot":1,"by":"clinician","program":\#(Self.hugeCycling)}"#,
            #"{"t":"2026-01-01T00:00:00Z","type":"activate","slot":1,"by":"clinician"}"#,
            #"{"t":"2026-01-01T00:00:00Z","type":"therapy","on":true,"by":"clinician"}"#,
            #"{"t":"2026-01-02T00:00:00Z","type":"end"}"#,
        ])
        let analysis = try SCSProcess.run(["analyze", "--strict", file])
        #expect(analysis.status == 0, "\(analysis.stderr)")
        let replay = try SCSProcess.run(["replay", file, "--target", "simulator"])
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
    }

    @Test("a session that runs a program with cycling spans of 290 000 years runs")
    func sessionCycling() throws {
        let script = try temporaryFile(
            """
            write 1 --amplitude 2 --pulse-width 100 --frequency 100 --contacts 3-,4+ --cycling 9000000000000/9000000000000
            activate 1
            on
            status

            """, name: "cycling.session")
        let result = try SCSProcess.run(["session", "--device", "tonic-16", "--script", script])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test("a recording from 1678 whose end is in 2261 is read with a wrong-type finding on the line past 292 years")
    func spanLongerThanARecordingHolds() throws {
        let file = try Self.recording(
            [
                #"{"t":"1678-01-01T00:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":2,"pulseWidth":100,"frequency":100,"contacts":{"3":-100,"4":100}}}"#,
                #"{"t":"1678-01-01T00:00:00Z","type":"activate","slot":1,"by":"clinician"}"#,
                #"{"t":"1678-01-01T00:00:00Z","type":"therapy","on":true,"by":"clinician"}"#,
                #"{"t":"1900-01-01T00:00:00Z","type":"therapy","on":false,"by":"patient"}"#,
                #"{"t":"2261-12-31T00:00:00Z","type":"end"}"#,
            ], header: Self.header.replacingOccurrences(of: "2026-01-01", with: "1678-01-01"))
        let lenient = try SCSProcess.run(["analyze", file])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stdout.contains("6  wrong-type  field 't' 2261-12-31T00:00:00Z is more than 292 years"))
        let strict = try SCSProcess.run(["analyze", "--strict", file])
        #expect(strict.status == 1, "a strict-mode finding: \(strict.stderr)")
        #expect(strict.stderr.contains("line 6") && strict.stderr.contains("more than 292 years"), "\(strict.stderr)")
        let replay = try SCSProcess.run(["replay", file, "--target", "simulator", "--speed", "1000000"])
        #expect(replay.status == 2, "\(replay.stdout)\(replay.stderr)")
        #expect(replay.stderr.contains("line 2: 1678-01-01T00:00:00Z is outside the device clock's range"))
    }

    @Test("a recording with therapy on until the last instant 64 bits hold is analysed, in text and HTML")
    func therapyUntilTheLastInstant() throws {
        let file = try Self.recording(
            [
                #"{"t":"2262-04-10T00:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":2,"pulseWidth":100,"frequency":100,"contacts":{"3":-100,"4":100}}}"#,
                #"{"t":"2262-04-10T00:00:00Z","type":"activate","slot":1,"by":"clinician"}"#,
                #"{"t":"2262-04-10T00:00:00Z","type":"therapy","on":true,"by":"clinician"}"#,
                #"{"t":"2262-04-11T23:47:16.854775807Z","type":"end"}"#,
            ], header: Self.header.replacingOccurrences(of: "2026-01-01", with: "2262-04-10"))
        let html = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("late.html").path
        let result = try SCSProcess.run(["analyze", "--strict", file, "--html", html])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("on 2 of 2 days"), "\(result.stdout)")
    }

    @Test(
        "a profile with numbers near the top of their range simulates without an overflow",
        arguments: [
            (
                ["  nominal: 800": "  nominal: 9000000000000000 #", "  open: 4000": "  open: 9100000000000000 #"],
                Int32(1)
            ),
            (
                [
                    "  cellVoltage: 3.6": "  cellVoltage: 1e300 #",
                    "  amplitudeSlewMax: 1.0": "  amplitudeSlewMax: 9000000000000 #",
                ],
                Int32(0)
            ),
            (["  capacity: 300": "  capacity: 1e306 #"], Int32(0)),
        ] as [([String: String], Int32)])
    func extremeProfiles(replacements: [String: String], status: Int32) throws {
        var profile = try String(
            contentsOf: SCSProcess.root.appendingPathComponent("Devices/tonic-16.yaml"), encoding: .utf8)
        for (original, replacement) in replacements {
            #expect(profile.contains(original))
            profile = profile.replacingOccurrences(of: original, with: replacement)
        }
        let devices = URL(fileURLWithPath: try temporaryFile(profile, name: "tonic-16.yaml"))
            .deletingLastPathComponent()
        let out = devices.appendingPathComponent("x.scsrec.jsonl").path
        let result = try SCSProcess.run([
            "simulate", "--devices", devices.path, "--device", "tonic-16", "--days", "8", "--out", out,
        ])
        #expect(result.status == status, "\(result.stderr)")
    }

    @Test("an envelope for a profile whose density limits and contact areas are near 2⁶³ is computed")
    func envelopeOfAnExtremeProfile() throws {
        var profile = try String(
            contentsOf: SCSProcess.root.appendingPathComponent("Devices/tonic-16.yaml"), encoding: .utf8)
        for (original, replacement) in [
            ("    areaMM2: 12.25", "    areaMM2: 9000000000000 #"), ("    warn: 30.0", "    warn: 9000000000000000 #"),
            ("    reject: null", "    reject: 9000000000000000 #"),
        ] {
            #expect(profile.contains(original))
            profile = profile.replacingOccurrences(of: original, with: replacement)
        }
        let devices = URL(fileURLWithPath: try temporaryFile(profile, name: "tonic-16.yaml"))
            .deletingLastPathComponent()
        let result = try SCSProcess.run([
            "envelope", "--devices", devices.path, "--device", "tonic-16", "--contacts", "2-,3+",
        ])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
