import Foundation
import Testing

/// Pipes, FIFOs and standard input (`-`) are read as streams, wherever a file is read.
@Suite("Inputs from pipes, FIFOs and standard input")
struct StreamInputTests {
    static let recording = "Recordings/edge-cases/charges-impedance-safety.scsrec.jsonl"
    static var recordingText: String {
        get throws { try String(contentsOf: SCSProcess.root.appendingPathComponent(recording), encoding: .utf8) }
    }

    /// The reports of `analyze --json`, without the file names.
    static func reports(_ stdout: String) throws -> String {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        var recordings = try #require(document["recordings"] as? [[String: Any]])
        for index in recordings.indices { recordings[index]["file"] = nil }
        let data = try JSONSerialization.data(withJSONObject: recordings, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// Makes a FIFO and writes `text` into it from another thread once a reader opens it.
    static func fifo(feeding text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("stream").path
        #expect(mkfifo(path, 0o600) == 0)
        Thread {
            let handle = FileHandle(forWritingAtPath: path)
            // Written in small pieces, as a decompressor writes into a pipe.
            let bytes = Array(text.utf8)
            for start in stride(from: 0, to: bytes.count, by: 1000) {
                handle?.write(Data(bytes[start..<min(start + 1000, bytes.count)]))
            }
            try? handle?.close()
        }.start()
        return path
    }

    @Test func analyzeGivesTheSameReportFromAPipeAFIFOAndStandardInputAsFromTheFile() throws {
        let fromFile = try SCSProcess.run(["analyze", Self.recording, "--json"])
        #expect(fromFile.status == 0)
        let expected = try Self.reports(fromFile.stdout)
        let text = try Self.recordingText
        let fromStandardInput = try SCSProcess.run(["analyze", "-", "--json"], input: text)
        #expect(fromStandardInput.status == 0, "\(fromStandardInput.stderr)")
        #expect(try Self.reports(fromStandardInput.stdout) == expected)
        let fromDevice = try SCSProcess.run(["analyze", "/dev/stdin", "--json"], input: text)
        #expect(fromDevice.status == 0, "\(fromDevice.stderr)")
        #expect(try Self.reports(fromDevice.stdout) == expected)
        let fromFIFO = try SCSProcess.run(["analyze", try Self.fifo(feeding: text), "--json"])
        #expect(fromFIFO.status == 0, "\(fromFIFO.stderr)")
        #expect(try Self.reports(fromFIFO.stdout) == expected)
    }

    @Test func aPerceptReportImportsFromStandardInput() throws {
        let report = try String(
            contentsOf: SCSProcess.root.appendingPathComponent("Tests/DeviceImportTests/Fixtures/percept-session.json"),
            encoding: .utf8)
        let out = try temporaryFile("", name: "percept.scsrec.jsonl")
        let result = try SCSProcess.run(["import", "-", "--out", out], input: report)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix(#"{"type":"header""#))
        let analyzed = try SCSProcess.run(["analyze", "-", "--json"], input: report)
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
        #expect(analyzed.stdout.contains("\"serial\" : \"NDP000001\""))
    }

    @Test func replayReadsARecordingFromAFIFOAndStandardInput() throws {
        let fromFile = try SCSProcess.run(["replay", Self.recording, "--target", "simulator", "--json"])
        let drop = { (text: String) in text.split(separator: "\n").filter { !$0.contains("\"file\"") } }
        for stream in [
            try SCSProcess.run([
                "replay", try Self.fifo(feeding: try Self.recordingText), "--target", "simulator", "--json",
            ]),
            try SCSProcess.run(["replay", "-", "--target", "simulator", "--json"], input: try Self.recordingText),
        ] {
            #expect(stream.status == fromFile.status, "\(stream.stderr)")
            #expect(stream.stdout.contains("\"divergences\""))
            #expect(drop(stream.stdout) == drop(fromFile.stdout))
        }
    }

    @Test func programImpedanceAndPlanFilesReadFromFIFOsAndStandardInput() throws {
        let program = "{amplitude: 5, pulseWidth: 300, frequency: 50, contacts: {\"1\": -100, \"2\": 100}}\n"
        let validated = try SCSProcess.run(
            [
                "validate", "--device", "tonic-16", "--program", "-", "--impedance",
                try Self.fifo(feeding: "{\"1\": 900}"),
            ],
            input: program)
        #expect(validated.status == 0, "\(validated.stderr)")
        #expect(validated.stdout.contains("ACCEPTED"))
        let plan = """
            cases:
              - name: from a pipe
                device: tonic-16
                program: \(program)
                expect: {verdict: accepted}
            """
        let checked = try SCSProcess.run(["check", try Self.fifo(feeding: plan)])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("1 passed, 0 failed"))
    }

    @Test func aSessionScriptReadsFromAFIFO() throws {
        let result = try SCSProcess.run([
            "session", "--device", "tonic-16", "--script", try Self.fifo(feeding: "status\nbattery\n"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("> battery"))
    }

    @Test func aFIFOWithNoWriterWaitsAndCtrlCEndsItCleanly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fifo = folder.appendingPathComponent("nobody-writes").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let process = try SpawnedSCS(["analyze", fifo])
        usleep(300_000)
        #expect(process.interrupt() == .signal(SIGINT))
    }
}
