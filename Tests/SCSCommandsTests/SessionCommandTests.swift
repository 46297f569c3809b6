import Foundation
import Testing

@Suite("scs session and scs serve")
struct SessionCommandTests {
    static let script = """
        # a first programming session
        check 1 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+
        write 1 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+ --patient-range 2-4
        activate 1
        on
        wait 3s
        adjust 3.5
        impedance
        off
        history
        """

    @Test("a scripted in-process session reads as the golden transcript")
    func scriptedTranscript() throws {
        let file = try temporaryFile(Self.script, name: "first.scs")
        let result = try SCSProcess.run(["session", "--device", "tonic-16", "--script", file])
        #expect(result.status == 0, "\(result.stderr)")
        try expectGolden(result.stdout, "session-tonic-16.txt")
    }

    @Test("commands piped on standard input run as a script")
    func standardInput() throws {
        let result = try SCSProcess.run(
            ["session", "--device", "tonic-16"],
            input: "write 2 --amplitude 2 --pulse-width 200 --frequency 40 --contacts 4-,5+\nactivate 2\non\nstatus\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("slot 2 written and read back: 2 mA"))
        #expect(result.stdout.contains("tonic-16 · slot 2 · off> on"))
        #expect(result.stdout.contains("therapy    on"))
    }

    @Test("a session's event log, written with log FILE, is a recording that replays with no divergence")
    func logReplays() throws {
        let log = try temporaryFile("", name: "session.scsrec.jsonl")
        let session = try SCSProcess.run(
            ["session", "--device", "tonic-16"], input: Self.script + "\nactivate 4\nlog \(log)\n")
        #expect(session.status == 1, "activating the empty slot 4 is refused")
        #expect(session.stdout.contains("the device refused it: the slot holds no program (slotEmpty)"))
        #expect(session.stdout.contains("event log written to \(log) (9 lines)"))
        let replay = try SCSProcess.run(["replay", log, "--target", "simulator"])
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
        #expect(replay.stdout.contains("Driven   6 commands; 1 readings and device events not driven"))
    }

    @Test("a refused unsafe write names its rule ids and numbers, changes nothing, and exits 1")
    func refusedWrite() throws {
        let result = try SCSProcess.run(
            ["session", "--device", "tonic-16"],
            input: """
                write 1 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+
                write 1 --amplitude 30 --pulse-width 1000 --frequency 50 --contacts 2-,3+
                status
                """)
        #expect(result.status == 1)
        #expect(result.stdout.contains("refused, nothing sent"))
        #expect(result.stdout.contains("✗ amplitude.range"))
        #expect(result.stdout.contains("amplitude 30 mA is above the maximum 25.5 mA"))
        // The slot still holds the first program.
        #expect(result.stdout.contains("1     enabled   3 mA · 300 µs"))
        #expect(!result.stdout.contains("written and read back: 30"))
    }

    @Test("adjust is checked on the host as a write is: a warning needs --acknowledge, an error is refused")
    func adjustChecked() throws {
        let result = try SCSProcess.run(
            ["session", "--device", "tonic-16"],
            input: """
                write 1 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+
                activate 1
                adjust 9
                adjust 20 --acknowledge shannon,chargeDensity
                write 2 --amplitude 9 --pulse-width 300 --frequency 50 --contacts 2-,3+ --acknowledge shannon
                activate 2
                adjust 8.5
                write 3 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+
                activate 3
                adjust 9 --acknowledge shannon
                status
                """)
        #expect(result.status == 1)
        #expect(result.answer(to: "adjust 9").contains("refused, nothing sent: the safety check finds\n  ! shannon"))
        #expect(result.answer(to: "adjust 9").contains("to send it, acknowledge each warning: --acknowledge shannon"))
        #expect(result.answer(to: "adjust 20 --acknowledge shannon,chargeDensity").contains("✗ compliance"))
        // Acknowledged when slot 2 was written in this session, so no need to again.
        #expect(result.answer(to: "adjust 8.5").contains("amplitude set: ramping to 8.5 mA"))
        // Slot 3 was written with no acknowledgement: the adjust's own goes to the device with it.
        #expect(result.answer(to: "adjust 9 --acknowledge shannon").contains("amplitude set: ramping to 9 mA"))
        #expect(result.stdout.contains("amplitude  9 mA\n"), "slot 3 set to 9 mA, not ramping with therapy off")
    }

    @Test("while a ramp is under way the prompt and status both show the running and the target amplitude")
    func ramping() throws {
        let result = try SCSProcess.run(
            ["session", "--device", "tonic-16"],
            input: """
                write 1 --amplitude 2 --pulse-width 300 --frequency 50 --contacts 2-,3+
                activate 1
                on
                status
                wait 2.2s
                status
                """)
        #expect(result.status == 0, "\(result.stderr)")
        // The simulator ramps by 1 mA a second from zero, on the wall clock.
        #expect(result.stdout.contains("tonic-16 · slot 1 · on 0 mA → 2 mA> status\n"))
        #expect(result.stdout.contains("amplitude  0 mA → 2 mA (ramping)\n"))
        #expect(result.stdout.contains("tonic-16 · slot 1 · on 2 mA> status\n"))
        #expect(result.stdout.contains("amplitude  2 mA\n"))
    }

    /// A script whose lines after a good write cannot run, and what stderr says of each of them.
    struct BadScript: Sendable, CustomTestStringConvertible {
        var name: String
        var lines: [String]
        var errors: [String]
        var testDescription: String { name }
    }

    static let badScripts = [
        BadScript(
            name: "wait.scs", lines: ["wait 2 seconds", "wait 2h"],
            errors: ["wait.scs:2: usage: wait DURATION", "wait.scs:3: '2h' is not a duration"]),
        BadScript(
            name: "bad.scs", lines: ["frobnicate", "activate x"],
            errors: ["bad.scs:2: unknown command 'frobnicate'", "bad.scs:3: 'x' is not a slot number"]),
        // A slot the wire cannot carry.
        BadScript(
            name: "wide.scs", lines: ["write 256 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+"],
            errors: ["wide.scs:2: slot 256 is beyond what the protocol can address"]),
    ]

    @Test(
        "a script's bad line is bad input naming its line, and the script stops before its first line is sent",
        arguments: badScripts)
    func badScript(_ script: BadScript) throws {
        let write = "write 1 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+"
        let file = try temporaryFile(([write] + script.lines).map { $0 + "\n" }.joined(), name: script.name)
        let result = try SCSProcess.run(["session", "--device", "tonic-16", "--script", file])
        #expect(result.status == 2)
        for error in script.errors { #expect(result.stderr.contains(error)) }
        #expect(result.stderr.contains("nothing was run"))
        #expect(!result.stdout.contains("written"))
    }

    @Test("a session needs exactly one target, and a missing socket is bad input")
    func targets() throws {
        #expect(try SCSProcess.run(["session"]).status == 2)
        #expect(try SCSProcess.run(["session", "--device", "tonic-16", "--socket", "/tmp/x.sock"]).status == 2)
        let missing = try SCSProcess.run(["session", "--socket", "/nonexistent/scs.sock"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--socket /nonexistent/scs.sock"))
        #expect(try SCSProcess.run(["session", "--device", "no-such-device"]).status == 2)
    }

    @Test("scs serve with an unknown device or an unusable socket path is bad input")
    func serveBadInput() throws {
        let unknown = try SCSProcess.run(["serve", "--device", "no-such-device", "--socket", "/tmp/never.sock"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--device"))
        let folder = try SCSProcess.run(["serve", "--device", "tonic-16", "--socket", "/nonexistent/folder/s.sock"])
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("/nonexistent/folder/s.sock"))
    }

    @Test("SIGINT (Ctrl-C) stops scs serve cleanly as well")
    func interruptedServe() throws {
        let server = try ServedSimulator(device: "hf10k-16")
        let stopped = server.stop(isInterrupt: true)
        #expect(stopped.status == 0)
        #expect(stopped.output.contains("serving hf10k-16"))
        #expect(stopped.output.contains("stopped (SIGINT)"))
        #expect(!FileManager.default.fileExists(atPath: server.socket))
    }

    @Test("scs serve runs a simulator a session connects to, and SIGTERM stops it and removes the socket")
    func servedSession() throws {
        let server = try ServedSimulator(device: "tonic-16")
        let result = try SCSProcess.run(["session", "--socket", server.socket], input: Self.script)
        let again = try SCSProcess.run(["session", "--socket", server.socket], input: "status\n")
        let stopped = server.stop()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("connected to"))
        #expect(result.stdout.contains("slot 1 written and read back"))
        // The device outlives a session: the next one finds the program and the active slot.
        #expect(again.stdout.contains("active     slot 1"), "\(again.stdout)")
        #expect(stopped.status == 0)
        #expect(stopped.output.contains("stopped (SIGTERM)"))
        #expect(!FileManager.default.fileExists(atPath: server.socket))
    }
}
