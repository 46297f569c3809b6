import Foundation
import StimDevice
import Testing

@Suite("scs serve")
struct ServeCommandTests {
    @Test("a second scs serve on a socket a live server holds exits 2 saying so, and the first serves on")
    func liveSocket() throws {
        let server = try ServedSimulator(device: "tonic-16")
        let second = try SCSProcess.run(["serve", "--device", "tonic-16", "--socket", server.socket])
        let session = try SCSProcess.run(["session", "--socket", server.socket], input: "status\n")
        let stopped = server.stop()
        #expect(second.status == 2)
        #expect(
            second.stderr.contains(
                "error: --socket \(server.socket): a server is already listening there (another `scs serve`?); "
                    + "stop it first or choose another --socket"), "\(second.stderr)")
        #expect(!second.stdout.contains("serving"))
        #expect(session.status == 0, "\(session.stderr)")
        #expect(stopped.status == 0)
    }

    @Test("a socket file left by a server that was killed is replaced by the next scs serve")
    func staleSocket() throws {
        let killed = try ServedSimulator(device: "tonic-16")
        kill(killed.process.processIdentifier, SIGKILL)
        killed.process.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: killed.socket))
        let server = try ServedSimulator(device: "tonic-16", socket: killed.socket)
        let session = try SCSProcess.run(["session", "--socket", server.socket], input: "status\n")
        let stopped = server.stop()
        #expect(session.status == 0, "\(session.stderr)")
        #expect(stopped.status == 0)
        #expect(!FileManager.default.fileExists(atPath: server.socket))
    }

    @Test("--trace logs every frame to stderr with its direction, type, number, session and result, and no key")
    func trace() throws {
        let server = try ServedSimulator(device: "tonic-16", arguments: ["--trace", "--read-timeout", "0.5"])
        let session = try SCSProcess.run(["session", "--socket", server.socket], input: SessionCommandTests.script)
        // A client that connects and says nothing is closed at the read timeout, and logged.
        let silent = try UnixSocketTransport(path: server.socket)
        Thread.sleep(forTimeInterval: 1.5)
        let stopped = server.stop()
        withExtendedLifetime(silent) {}
        #expect(session.status == 0, "\(session.stderr)")
        let log = stopped.output
        #expect(log.contains("info scs.serve: [StimDevice] connection "), "\(log)")
        for line in [
            " in: identify request #1 session 0", " out: identify reply #1 session 0: ok",
            " in: authenticate request #1 session ", " in: writeProgram request #", " out: writeProgram reply #",
            " out: closeSession reply #", " closed: no whole frame within the read timeout (0.5 seconds)",
        ] {
            #expect(log.contains(line), "no '\(line)' in the log")
        }
        let keyFile = try String(contentsOfFile: server.socket + ".keys", encoding: .utf8)
        let keys = keyFile.components(separatedBy: "\n").compactMap { $0.components(separatedBy: " ").last }
            .filter { $0.count >= 32 }
        #expect(keys.count == 2)
        for key in keys {
            #expect(!log.lowercased().contains(key.lowercased()))
        }
    }

    @Test("--log-level hides what is less severe; a bad level, or --trace under it, is bad usage")
    func logLevel() throws {
        let quiet = try ServedSimulator(device: "tonic-16", arguments: ["--log-level", "warning"])
        _ = try SCSProcess.run(["session", "--socket", quiet.socket], input: "status\n")
        let stopped = quiet.stop()
        #expect(stopped.output.contains("serving tonic-16"))
        #expect(!stopped.output.contains("accepted"))
        let socket = try ServedSimulator.freshSocket()
        let unknown = try SCSProcess.run(["serve", "--device", "tonic-16", "--socket", socket, "--log-level", "loud"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--log-level"))
        let hidden = try SCSProcess.run([
            "serve", "--device", "tonic-16", "--socket", socket, "--trace", "--log-level", "error",
        ])
        #expect(hidden.status == 2)
        #expect(hidden.stderr.contains("--trace logs at info, which --log-level error hides"))
        for bad in [["--read-timeout", "0"], ["--read-timeout", "nan"], ["--max-connections", "0"]] {
            let result = try SCSProcess.run(["serve", "--device", "tonic-16", "--socket", socket] + bad)
            #expect(result.status == 2, "\(bad)")
        }
        #expect(!FileManager.default.fileExists(atPath: socket))
    }

    @Test("scs serve started with SIGINT and SIGTERM blocked still ends on SIGTERM, sent at once or once it serves")
    func blockedSignals() throws {
        // At once: before serve's own handling is set up, the signal's default action must end it.
        let early = try SpawnedSCS(
            ["serve", "--device", "tonic-16", "--socket", ServedSimulator.freshSocket()], blocking: [SIGINT, SIGTERM])
        kill(early.pid, SIGTERM)
        let earlyStatus = early.waitForEnd(within: .seconds(20))?.shellStatus
        #expect(earlyStatus == 0 || earlyStatus == 128 + SIGTERM, "still running after SIGTERM")

        let socket = try ServedSimulator.freshSocket()
        let serving = try SpawnedSCS(
            ["serve", "--device", "tonic-16", "--socket", socket], blocking: [SIGINT, SIGTERM])
        let deadline = Date().addingTimeInterval(20)
        while (try? UnixSocketTransport(path: socket)) == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        kill(serving.pid, SIGTERM)
        #expect(serving.waitForEnd(within: .seconds(20)) == .exit(0))
        #expect(!FileManager.default.fileExists(atPath: socket))
    }
}
