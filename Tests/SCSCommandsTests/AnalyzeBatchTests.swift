import Foundation
import Testing

/// `scs analyze --batch`: paths on stdin, one JSON line per recording as soon as it is done
/// (`docs/batch.md`).
@Suite("scs analyze --batch")
struct AnalyzeBatchTests {
    static let tonic = "Recordings/simulated/tonic-16-120d.scsrec.jsonl"
    static let midnight = "Recordings/edge-cases/midnight-boundaries.scsrec.jsonl"
    static let newer = "Recordings/edge-cases/newer-version.scsrec.jsonl"

    static func entries(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func aFailingFileInTheMiddleIsAnErrorLineAndTheRestAreReported() throws {
        let input = [Self.tonic, Self.newer, "missing.scsrec.jsonl", Self.midnight].joined(separator: "\n") + "\n"
        let result = try SCSProcess.run(["analyze", "--batch"], input: input)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let entries = try Self.entries(result.stdout).sorted { ($0["line"] as? Int ?? 0) < ($1["line"] as? Int ?? 0) }
        #expect(entries.map { $0["line"] as? Int } == [1, 2, 3, 4])
        #expect(
            entries.map { $0["path"] as? String } == [Self.tonic, Self.newer, "missing.scsrec.jsonl", Self.midnight])
        let newer = try #require(entries[1]["error"] as? [String: Any])
        #expect((newer["message"] as? String)?.hasPrefix("\(Self.newer): line 1: recording format version 2") == true)
        #expect(newer["status"] as? Int == 2)
        #expect(entries[1]["report"] == nil)
        #expect((entries[2]["error"] as? [String: Any])?["message"] as? String == "missing.scsrec.jsonl: no such file")
        let report = try #require(entries[3]["report"] as? [String: Any])
        #expect(report["file"] as? String == Self.midnight)
        #expect(entries[3]["error"] == nil)
    }

    @Test func eachReportIsTheOneTheJSONDocumentGives() throws {
        let result = try SCSProcess.run(["analyze", "--batch"], input: Self.tonic + "\n" + Self.midnight)
        let document = try SCSProcess.run(["analyze", Self.tonic, Self.midnight, "--json"])
        let reports = try AnalyzeManyTests.reports(document.stdout)
        for entry in try Self.entries(result.stdout) {
            let report = try #require(entry["report"] as? NSDictionary)
            #expect(reports.contains(report), "\(entry["path"] ?? "")")
        }
    }

    @Test func blankLinesAreSkippedButCountedAndLineEndsMayBeCRLF() throws {
        let result = try SCSProcess.run(
            ["analyze", "--batch", "--jobs", "1"], input: "\n   \n\(Self.midnight)\r\n\t\n\(Self.tonic)")
        #expect(result.status == 0)
        let entries = try Self.entries(result.stdout)
        #expect(entries.map { $0["line"] as? Int } == [3, 5])
        #expect(entries.allSatisfy { $0["report"] != nil })
        let empty = try SCSProcess.run(["analyze", "--batch"], input: "\n\n")
        #expect(empty.status == 0)
        #expect(empty.stdout.isEmpty)
    }

    @Test func aStrictStopIsAnErrorLineWithStatusOneAndStandardInputIsNoPath() throws {
        let result = try SCSProcess.run(
            ["analyze", "--batch", "--strict"], input: "Recordings/edge-cases/malformed-lines.scsrec.jsonl\n-\n")
        #expect(result.status == 0)
        let entries = try Self.entries(result.stdout).sorted { ($0["line"] as? Int ?? 0) < ($1["line"] as? Int ?? 0) }
        let strict = try #require(entries.first?["error"] as? [String: Any])
        #expect(strict["status"] as? Int == 1)
        #expect((strict["message"] as? String)?.contains("line 4: invalid-json") == true)
        #expect((entries.last?["error"] as? [String: Any])?["status"] as? Int == 2)
    }

    @Test func givenFilesOrAnHTMLReportTheBatchIsBadUsage() throws {
        let files = try SCSProcess.run(["analyze", "--batch", Self.tonic])
        #expect(files.status == 2)
        #expect(files.stderr.contains("--batch reads its paths from standard input"))
        let html = try SCSProcess.run(["analyze", "--batch", "--html", "/tmp/x.html"])
        #expect(html.status == 2)
        let jobs = try SCSProcess.run(["analyze", Self.tonic, "--jobs", "0"])
        #expect(jobs.status == 2)
    }

    /// The line of a recording comes out while standard input is still open: an engine piping paths
    /// reads each result as it is ready, not when the batch ends.
    @Test func eachLineIsWrittenAsSoonAsItsRecordingIsDone() throws {
        let process = Process()
        process.executableURL = SCSProcess.executable
        process.arguments = ["analyze", "--batch"]
        process.currentDirectoryURL = SCSProcess.root
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        defer { process.terminate() }
        try input.fileHandleForWriting.write(contentsOf: Data((Self.midnight + "\n").utf8))
        let firstLine = FirstLine()
        let reader = Thread { firstLine.read(from: output.fileHandleForReading) }
        reader.start()
        let arrived = firstLine.arrived.wait(timeout: .now() + 60) == .success
        #expect(arrived, "no line came out while standard input stayed open")
        try input.fileHandleForWriting.close()
        if arrived { #expect(firstLine.text.contains(#""path":"\#(Self.midnight)""#)) }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// The first line a pipe delivers, read on a thread of its own.
    final class FirstLine: @unchecked Sendable {  // `text` is written before `arrived` is signalled, read after.
        let arrived = DispatchSemaphore(value: 0)
        var text = ""

        func read(from handle: FileHandle) {
            var bytes = Data()
            while !bytes.contains(0x0A) {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                bytes += chunk
            }
            text = String(decoding: bytes, as: UTF8.self)
            arrived.signal()
        }
    }
}
