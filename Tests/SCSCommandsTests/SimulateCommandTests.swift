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
            (["--device", "tonic-16", "--days", "36526"], "--days: must be from 1 to 36525 (100 years)"),
            (["--device", "tonic-16", "--days", "2147483648"], "--days: must be from 1 to 36525 (100 years)"),
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

    @Test(
        "a simulation the device stops after days of writing exits 1 and leaves --out as it was, with no temporary file"
    )
    func stoppedSimulationLeavesTheOutput() throws {
        let folder = try Self.folder()
        let devices = folder.appendingPathComponent("Devices")
        try FileManager.default.createDirectory(at: devices, withIntermediateDirectories: true)
        // A primary cell of 1 mAh empties on the first day; the next morning the device refuses therapy.
        let profile = try String(
            contentsOf: SCSProcess.root.appendingPathComponent("Devices/tonic-16.yaml"), encoding: .utf8
        )
        .replacingOccurrences(of: "  kind: rechargeable", with: "  kind: primary #")
        .replacingOccurrences(of: "  capacity: 300", with: "  capacity: 1 #")
        try profile.write(to: devices.appendingPathComponent("tonic-16.yaml"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("kept.scsrec.jsonl")
        try "an earlier file\n".write(to: out, atomically: true, encoding: .utf8)
        let result = try SCSProcess.run([
            "simulate", "--devices", devices.path, "--device", "tonic-16", "--days", "10", "--out", out.path,
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("batteryEmpty"), "\(result.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8) == "an earlier file\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "Devices", "kept.scsrec.jsonl",
            ])
    }
}
