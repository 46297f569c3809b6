import Foundation
import Testing

@Suite("scs simulate")
struct SimulateCommandTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scs-simulate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a simulated month is written quickly and passes the analyzer's strict reading")
    func monthPassesStrictAnalysis() throws {
        let out = try Self.folder().appendingPathComponent("month.scsrec.jsonl").path
        let started = Date()
        let result = try SCSProcess.run([
            "simulate", "--device", "tonic-16", "--days", "30", "--seed", "4", "--out", out,
        ])
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        let analysis = try SCSProcess.run(["analyze", "--strict", "--json", out])
        #expect(analysis.status == 0, "\(analysis.stderr)")
        #expect(analysis.stdout.contains("\"daysWithTherapy\" : 30"))
    }

    @Test(
        "every kind of device gives a strict-clean recording",
        arguments: ["burst-16-primary", "hf10k-16", "drg-4x4", "paddle-32", "research-ins-16"])
    func otherDevices(device: String) throws {
        let out = try Self.folder().appendingPathComponent("\(device).scsrec.jsonl").path
        let result = try SCSProcess.run(["simulate", "--device", device, "--days", "10", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try SCSProcess.run(["analyze", "--strict", out]).status == 0)
    }

    @Test("two runs with the same seed write the same bytes, another seed other bytes")
    func deterministic() throws {
        let folder = try Self.folder()
        var files: [Data] = []
        for (name, seed) in [("a", "9"), ("b", "9"), ("c", "10")] {
            let out = folder.appendingPathComponent("\(name).scsrec.jsonl").path
            let result = try SCSProcess.run([
                "simulate", "--device", "hf10k-16", "--days", "14", "--seed", seed, "--out", out,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            files.append(try Data(contentsOf: URL(fileURLWithPath: out)))
        }
        #expect(files[0] == files[1])
        #expect(files[0] != files[2])
    }

    @Test(
        "bad input exits 2 and names the flag",
        arguments: [
            (["--device", "nope", "--days", "3"], "--device"),
            (["--device", "tonic-16", "--days", "0"], "--days"),
            (["--device", "tonic-16", "--days", "-2"], "--days"),
        ])
    func badInput(arguments: [String], flag: String) throws {
        let out = try Self.folder().appendingPathComponent("x.scsrec.jsonl").path
        let result = try SCSProcess.run(["simulate"] + arguments + ["--out", out])
        #expect(result.status == 2)
        #expect(result.stderr.contains(flag), "\(result.stderr)")
    }

    @Test("an output file that cannot be written exits 2 and names --out")
    func unwritableOut() throws {
        let result = try SCSProcess.run([
            "simulate", "--device", "tonic-16", "--days", "2", "--out", "/nonexistent-folder/x.scsrec.jsonl",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--out"))
    }
}
