import Foundation
import Testing

@Suite("scs replay")
struct ReplayCommandTests {
    static let header =
        #"{"type":"header","format":"scs-recording","version":1,"device":"tonic-16","serial":"IPG-7","start":"2026-03-02T00:00:00Z"}"#
    static let program =
        #"{"amplitude":3,"pulseWidth":300,"frequency":50,"waveform":"tonic","contacts":{"2":-100,"3":100},"recovery":"active","patientRange":{"min":2,"max":4}}"#

    /// A recording in `lines` after the header, with an `end` line.
    static func recording(_ lines: [String]) throws -> String {
        let end = #"{"t":"2026-03-03T00:00:00Z","type":"end"}"#
        return try temporaryFile(([header] + lines + [end]).joined(separator: "\n") + "\n", name: "r.scsrec.jsonl")
    }

    /// A clean clinician and patient session: a write, activation, therapy, adjustments and refusals.
    static let clean = [
        #"{"t":"2026-03-02T09:00:00Z","type":"program","slot":1,"by":"clinician","program":\#(program)}"#,
        #"{"t":"2026-03-02T09:00:05Z","type":"activate","slot":1,"by":"clinician"}"#,
        #"{"t":"2026-03-02T09:00:06Z","type":"therapy","on":true,"by":"clinician"}"#,
        #"{"t":"2026-03-02T12:00:00Z","type":"amplitude","slot":1,"amplitude":3.5,"by":"patient"}"#,
        #"{"t":"2026-03-02T13:00:00Z","type":"rejected","by":"patient","rules":["patientRange"],"request":{"slot":1,"amplitude":6.5}}"#,
        #"{"t":"2026-03-02T14:00:00Z","type":"battery","percent":99}"#,
    ]

    @Test(
        "the simulator's own recordings replay with no divergence",
        arguments: ["tonic-16-120d", "burst-16-primary-120d", "hf10k-16-120d"])
    func simulatedRecordings(name: String) throws {
        let result = try SCSProcess.run([
            "replay", "Recordings/simulated/\(name).scsrec.jsonl", "--target", "simulator", "--json",
        ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((report["divergences"] as? [Any])?.isEmpty == true)
        #expect((report["commands"] as? Int ?? 0) > 400)
    }

    @Test("a hand-made clean recording replays with no divergence, in text, in process and over scs serve")
    func cleanRecording() throws {
        let file = try Self.recording(Self.clean)
        let local = try SCSProcess.run(["replay", file, "--target", "simulator"])
        #expect(local.status == 0, "\(local.stdout)\(local.stderr)")
        #expect(local.stdout.contains("Driven   5 commands; 1 readings and device events not driven"))
        #expect(local.stdout.contains("No divergence"))
        let server = try ServedSimulator(device: "tonic-16")
        let served = try SCSProcess.run(["replay", file, "--target", "simulator", "--socket", server.socket])
        let otherDevice = try SCSProcess.run([
            "replay", "Recordings/simulated/burst-16-primary-120d.scsrec.jsonl", "--target", "simulator",
            "--socket", server.socket,
        ])
        _ = server.stop()
        #expect(served.status == 0, "\(served.stdout)\(served.stderr)")
        #expect(unwrapped(served.stdout).contains("on the socket \(server.socket)"))
        #expect(otherDevice.status == 2)
        #expect(otherDevice.stderr.contains("the device is a tonic-16, not the burst-16-primary the replay is for"))
    }

    @Test("a patient's refused activation of a programmed slot is reproduced in process and noted over a socket")
    func disabledSlot() throws {
        var lines = Self.clean
        lines.insert(
            #"{"t":"2026-03-02T09:00:01Z","type":"program","slot":2,"by":"clinician","program":\#(Self.program)}"#,
            at: 1)
        lines.append(#"{"t":"2026-03-02T17:00:00Z","type":"rejected","by":"patient","rules":[],"request":{"slot":2}}"#)
        let file = try Self.recording(lines)
        let local = try SCSProcess.run(["replay", file, "--target", "simulator"])
        #expect(local.status == 0, "\(local.stdout)\(local.stderr)")
        #expect(local.stdout.contains("line 9: slot 2 disabled for the remote on the device, as the refusal implies"))
        #expect(local.stdout.contains("Driven   7 commands"))
        let server = try ServedSimulator(device: "tonic-16")
        let served = try SCSProcess.run(["replay", file, "--target", "simulator", "--socket", server.socket])
        _ = server.stop()
        #expect(served.status == 0, "\(served.stdout)\(served.stderr)")
        #expect(served.stdout.contains("line 9: not sent: the refusal means slot 2 was disabled for the remote"))
        #expect(served.stdout.contains("Driven   6 commands"))
    }

    @Test("--speed N waits recorded time divided by N, and the outcome is the same")
    func speed() throws {
        // Five recorded hours at 50 000 times real time: about a third of a second of waiting.
        let file = try Self.recording(Self.clean)
        let started = Date()
        let result = try SCSProcess.run(["replay", file, "--target", "simulator", "--speed", "50000"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(Date().timeIntervalSince(started) >= 0.3)
        #expect(result.stdout.contains("No divergence"))
    }

    @Test(
        "--speed so slow that the wait overflows, or out of its range, exits 2 naming the flag",
        arguments: ["1e-300", "1e-20", "0", "2000000"])
    func speedOutOfRange(speed: String) throws {
        let file = try Self.recording(Self.clean)
        let result = try SCSProcess.run(["replay", file, "--target", "simulator", "--speed", speed])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: --speed: \(speed) is outside 0.001 to 1000000"), "\(result.stderr)")
    }

    @Test("a recording from before the device clock's range exits 2 naming the line of the first command")
    func recordingBeforeTheClockRange() throws {
        let lines = Self.clean.map { $0.replacingOccurrences(of: "2026-03-02", with: "1999-12-31") }
        let text =
            ([Self.header.replacingOccurrences(of: "2026-03-02", with: "1999-12-31")] + lines)
            .joined(separator: "\n") + "\n"
        let file = try temporaryFile(text, name: "old.scsrec.jsonl")
        let result = try SCSProcess.run(["replay", file, "--target", "simulator"])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stderr.contains(
                "\(file): line 2: 1999-12-31T09:00:00Z is outside the device clock's range (2000-01-01 to 2200-01-01)"),
            "\(result.stderr)")
    }

    @Test("a program the core rejects, shown applied, is a divergence on its line with its rule ids")
    func unsafeProgramShownApplied() throws {
        let unsafe = Self.program.replacingOccurrences(of: #""amplitude":3,"#, with: #""amplitude":30,"#)
        var lines = Self.clean
        lines.insert(
            #"{"t":"2026-03-02T15:00:00Z","type":"program","slot":2,"by":"clinician","program":\#(unsafe)}"#, at: 5)
        let file = try Self.recording(lines)
        let divergences = try Self.divergences(replaying: file)
        #expect(divergences.count == 1)
        #expect(divergences.first?["line"] as? Int == 7)
        #expect(divergences.first?["kind"] as? String == "refused")
        #expect((divergences.first?["rules"] as? [String])?.contains("amplitude.range") == true)
        let text = try SCSProcess.run(["replay", file, "--target", "simulator"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("1 divergence"))
        #expect(text.stdout.contains("amplitude 30 mA is above the maximum 25.5 mA"))
    }

    @Test("a refusal repeated for other rules than the recording gives is a divergence naming both")
    func refusalForOtherRules() throws {
        let unsafe = Self.program.replacingOccurrences(of: #""amplitude":3,"#, with: #""amplitude":30,"#)
        var lines = Self.clean
        lines.append(
            #"{"t":"2026-03-02T15:00:00Z","type":"rejected","by":"clinician","rules":["shannon"],"request":{"slot":2,"program":\#(unsafe)}}"#
        )
        let file = try Self.recording(lines)
        let divergences = try Self.divergences(replaying: file)
        #expect(divergences.count == 1)
        #expect(divergences.first?["line"] as? Int == 8)
        #expect(divergences.first?["kind"] as? String == "rules")
        #expect(
            divergences.first?["rules"] as? [String]
                == ["amplitude.range", "compliance", "current.contact", "patientRange", "shannon"])
        #expect((divergences.first?["message"] as? String)?.hasSuffix("the recording gives rules: shannon") == true)
    }

    @Test("a refusal the device does not repeat, and a final state that differs, are divergences")
    func acceptedRefusalAndFinalState() throws {
        var lines = Self.clean
        // A patient amplitude inside the range, shown refused: the device accepts it.
        lines.append(
            #"{"t":"2026-03-02T16:00:00Z","type":"rejected","by":"patient","rules":["patientRange"],"request":{"slot":1,"amplitude":2.5}}"#
        )
        let file = try Self.recording(lines)
        let divergences = try Self.divergences(replaying: file)
        #expect(divergences.map { $0["kind"] as? String } == ["accepted", "finalState"])
        #expect(divergences.map { $0["line"] as? Int } == [8, 5])
        #expect(divergences.first?["rules"] as? [String] == ["patientRange"])
    }

    @Test("bad input exits 2 with a message naming the file or flag")
    func badInput() throws {
        let missing = try SCSProcess.run(["replay", "/nonexistent.scsrec.jsonl", "--target", "simulator"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent.scsrec.jsonl"))
        let newer = try SCSProcess.run([
            "replay", "Recordings/edge-cases/newer-version.scsrec.jsonl", "--target", "simulator",
        ])
        #expect(newer.status == 2)
        #expect(newer.stderr.contains("newer"))
        let notARecording = try SCSProcess.run(["replay", "Package.swift", "--target", "simulator"])
        #expect(notARecording.status == 2)
        let unknown = try temporaryFile(
            Self.header.replacingOccurrences(of: "tonic-16", with: "no-such-device") + "\n", name: "u.scsrec.jsonl")
        let unknownDevice = try SCSProcess.run(["replay", unknown, "--target", "simulator"])
        #expect(unknownDevice.status == 2)
        #expect(unknownDevice.stderr.contains("line 1"))
        let file = try Self.recording(Self.clean)
        #expect(try SCSProcess.run(["replay", file, "--target", "simulator", "--speed", "fast"]).status == 2)
        #expect(try SCSProcess.run(["replay", file, "--target", "floppy"]).status == 2)
        #expect(try SCSProcess.run(["replay", file]).status == 2)
        // Outside `scs usb emulate` no key file is named for a USB stimulator.
        let usb = try SCSProcess.run(["replay", file, "--target", "usb"], environment: ["SCS_USB_KEYS": ""])
        #expect(usb.status == 2)
        #expect(usb.stderr.contains("--keys: a stimulator's key file is needed"))
    }

    /// The divergences `scs replay FILE --target simulator --json` reports, which must exit 1.
    static func divergences(replaying file: String) throws -> [[String: Any]] {
        let result = try SCSProcess.run(["replay", file, "--target", "simulator", "--json"])
        #expect(result.status == 1)
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(report["divergences"] as? [[String: Any]])
    }
}
