import Foundation
import Testing

/// No output replaces an input or lands inside an input folder, however its path is spelt; every
/// output is complete or absent.
@Suite("Outputs never replace inputs")
struct OutputSafetyTests {
    /// How an output path is spelt to reach the input file.
    enum Spelling: String, CaseIterable {
        case samePath
        case symbolicLink
        case hardLink
        case otherSpelling

        /// The path that names `input` this way, made (beside it) if need be.
        func path(to input: String) throws -> String {
            let name = (input as NSString).lastPathComponent
            let folder = (input as NSString).deletingLastPathComponent
            switch self {
            case .samePath: return input
            case .symbolicLink:
                let link = folder + "/" + name + ".symlink"
                try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
                return link
            case .hardLink:
                let link = folder + "/" + name + ".hardlink"
                try FileManager.default.linkItem(atPath: input, toPath: link)
                return link
            case .otherSpelling:
                return folder + "/./../" + (folder as NSString).lastPathComponent + "//" + name
            }
        }
    }

    /// One command with one input file it must not overwrite.
    struct Scenario: CustomTestStringConvertible, Sendable {
        let testDescription: String
        /// Makes the input in `folder` and returns it.
        let makeInput: @Sendable (_ folder: String) throws -> String
        /// The command line writing to `output`, reading `input`.
        let arguments: @Sendable (_ input: String, _ output: String) -> [String]
    }

    static let recording = SCSProcess.root.appendingPathComponent("Recordings/edge-cases/out-of-order.scsrec.jsonl")
    static let percept = SCSProcess.root.appendingPathComponent("Tests/DeviceImportTests/Fixtures/percept-session.json")

    static func copy(_ url: URL, to folder: String, as name: String) throws -> String {
        let path = folder + "/" + name
        try FileManager.default.copyItem(atPath: url.path, toPath: path)
        return path
    }

    static let scenarios: [Scenario] = [
        Scenario(
            testDescription: "analyze --html",
            makeInput: { try copy(recording, to: $0, as: "rec.scsrec.jsonl") },
            arguments: { ["analyze", $0, "--html", $1] }),
        Scenario(
            testDescription: "import --out",
            makeInput: { try copy(percept, to: $0, as: "report.json") },
            arguments: { ["import", $0, "--out", $1] }),
        Scenario(
            testDescription: "check --junit over the plan",
            makeInput: { folder in
                let plan = folder + "/plan.yaml"
                try """
                cases:
                  - name: accepted
                    device: tonic-16
                    program: {amplitude: 5, pulseWidth: 300, frequency: 50, contacts: {"1": -100, "2": 100}}
                    expect: {verdict: accepted}
                """.write(toFile: plan, atomically: true, encoding: .utf8)
                return plan
            },
            arguments: { ["check", $0, "--junit", $1] }),
        Scenario(
            testDescription: "check --junit over a program file",
            makeInput: { folder in
                try "{amplitude: 5, pulseWidth: 300, frequency: 50, contacts: {\"1\": -100, \"2\": 100}}".write(
                    toFile: folder + "/program.yaml", atomically: true, encoding: .utf8)
                try """
                cases:
                  - {name: from a file, device: tonic-16, programFile: program.yaml, expect: {verdict: accepted}}
                """.write(toFile: folder + "/plan.yaml", atomically: true, encoding: .utf8)
                return folder + "/program.yaml"
            },
            arguments: { program, output in
                ["check", (program as NSString).deletingLastPathComponent + "/plan.yaml", "--junit", output]
            }),
        Scenario(
            testDescription: "session log over the script",
            makeInput: { folder in
                let script = folder + "/first.scs"
                try "status\n".write(toFile: script, atomically: true, encoding: .utf8)
                return script
            },
            arguments: { script, output in
                // Written in place, so that a hard link to the script stays one.
                try? "status\nlog \(output)\n".write(toFile: script, atomically: false, encoding: .utf8)
                return ["session", "--device", "tonic-16", "--script", script]
            }),
        Scenario(
            testDescription: "simulate --out over a profile",
            makeInput: { folder in
                try FileManager.default.createDirectory(atPath: folder + "/Devices", withIntermediateDirectories: true)
                return try copy(
                    SCSProcess.root.appendingPathComponent("Devices/tonic-16.yaml"), to: folder + "/Devices",
                    as: "tonic-16.yaml")
            },
            arguments: { profile, output in
                [
                    "simulate", "--device", "tonic-16", "--devices", (profile as NSString).deletingLastPathComponent,
                    "--days", "1", "--out", output,
                ]
            }),
    ]

    static func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-outputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }

    /// Whether `folder` holds a temporary file of an output.
    static func holdsTemporaryFile(_ folder: String) -> Bool {
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []
        return names.contains { $0.hasSuffix(".scs-tmp") }
    }

    @Test(arguments: scenarios, Spelling.allCases)
    func anOutputThatIsAnInputIsRefusedAndTheInputKeepsItsBytes(_ scenario: Scenario, _ spelling: Spelling) throws {
        let folder = try Self.scratch()
        let input = try scenario.makeInput(folder)
        let output = try spelling.path(to: input)
        let arguments = scenario.arguments(input, output)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let result = try SCSProcess.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains(output), "\(result.stderr)")
        #expect(result.stderr.contains("is the input file \(input)"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
        #expect(!Self.holdsTemporaryFile(folder))
    }

    @Test(arguments: [
        ("StimLog.json", "is the input file"), ("new.scsrec.jsonl", "lies inside the input folder"),
        ("sub/new.scsrec.jsonl", "lies inside the input folder"),
    ])
    func importAndAnalyzeRefuseToWriteInsideTheSessionFolderTheyRead(_ name: String, _ message: String) throws {
        let folder = try Self.scratch()
        let session = folder + "/session"
        try FileManager.default.copyItem(
            atPath: SCSProcess.root.appendingPathComponent("Tests/DeviceImportTests/Fixtures/rcs-session").path,
            toPath: session)
        try FileManager.default.createDirectory(atPath: session + "/sub", withIntermediateDirectories: true)
        let stimLog = try Data(contentsOf: URL(fileURLWithPath: session + "/StimLog.json"))
        for arguments in [
            ["import", session, "--out", session + "/" + name], ["analyze", session, "--html", session + "/" + name],
            [
                "import", session, "--out",
                folder + "/../" + (folder as NSString).lastPathComponent + "/session/" + name,
            ],
        ] {
            let result = try SCSProcess.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(": \(message) \(session)"), "\(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: session + "/StimLog.json")) == stimLog)
        #expect(!FileManager.default.fileExists(atPath: session + "/new.scsrec.jsonl"))
        #expect(!Self.holdsTemporaryFile(folder))
    }

    @Test func theTourRefusesAnOutputFolderThatIsOrLiesInTheProfilesFolder() throws {
        let folder = try Self.scratch()
        let devices = folder + "/Devices"
        try FileManager.default.copyItem(
            atPath: SCSProcess.root.appendingPathComponent("Devices").path, toPath: devices)
        let names = try FileManager.default.contentsOfDirectory(atPath: devices).sorted()
        for (out, message) in [
            (devices, "is the input folder \(devices)"), (folder + "/./Devices/", "is the input folder \(devices)"),
            (devices + "/out", "lies inside the input folder \(devices)"),
        ] {
            let result = try SCSProcess.run(["tour", "--devices", devices, "--out", out, "--days", "1"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("--out \(out): \(message)"), "\(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: devices).sorted() == names)
    }

    @Test func aFailedRunLeavesThePreviousOutputWholeAndNoTemporaryFile() throws {
        let folder = try Self.scratch()
        let report = folder + "/report.html"
        try "the previous report".write(toFile: report, atomically: true, encoding: .utf8)
        let notARecording = folder + "/notes.txt"
        try "not a recording\n".write(toFile: notARecording, atomically: true, encoding: .utf8)
        let result = try SCSProcess.run(["analyze", notARecording, folder + "/missing.scsrec.jsonl", "--html", report])
        #expect(result.status == 2)
        #expect(try String(contentsOfFile: report, encoding: .utf8) == "the previous report")
        #expect(!Self.holdsTemporaryFile(folder))
        // Of several recordings, the page is written whole with the good ones (docs/batch.md).
        let mixed = try SCSProcess.run(["analyze", Self.recording.path, notARecording, "--html", report])
        #expect(mixed.status == 2)
        let page = try String(contentsOfFile: report, encoding: .utf8)
        #expect(page.hasSuffix("</html>\n"))
        #expect(page.contains(Self.recording.path) && !page.contains(notARecording))
        #expect(!Self.holdsTemporaryFile(folder))
    }

    @Test func anInterruptedRunLeavesThePreviousOutputWholeAndNoTemporaryFile() throws {
        let folder = try Self.scratch()
        let report = folder + "/report.html"
        try "the previous report".write(toFile: report, atomically: true, encoding: .utf8)
        let fifo = folder + "/stream"
        #expect(mkfifo(fifo, 0o600) == 0)
        let process = try SpawnedSCS(["analyze", fifo, "--html", report])
        // The output is opened before the input, which waits for a writer to the FIFO.
        let deadline = Date().addingTimeInterval(30)
        while !Self.holdsTemporaryFile(folder), Date() < deadline { usleep(20_000) }
        #expect(Self.holdsTemporaryFile(folder))
        #expect(process.interrupt() == .signal(SIGINT))
        #expect(try String(contentsOfFile: report, encoding: .utf8) == "the previous report")
        #expect(!Self.holdsTemporaryFile(folder))
    }

    @Test func aWriteThroughASymbolicLinkReplacesTheFileItNamesAndKeepsTheLink() throws {
        let folder = try Self.scratch()
        let target = folder + "/report.html"
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        #expect(chmod(target, 0o640) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder + "/latest.html", withDestinationPath: target)
        let result = try SCSProcess.run(["analyze", Self.recording.path, "--html", folder + "/latest.html"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/latest.html") == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o640)
        #expect(!Self.holdsTemporaryFile(folder))
    }

    @Test func anOutputThatIsADeviceIsWrittenStraightThrough() throws {
        let result = try SCSProcess.run(["analyze", Self.recording.path, "--html", "/dev/null"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aKeyFileIsWrittenPrivateAndWhole() throws {
        let server = try ServedSimulator(device: "tonic-16")
        defer { _ = server.stop() }
        let keys = server.socket + ".keys"
        let folder = (server.socket as NSString).deletingLastPathComponent
        let mode = try FileManager.default.attributesOfItem(atPath: keys)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(try String(contentsOfFile: keys, encoding: .utf8).contains("\nscs-keys 1\nclinician "))
        #expect(!Self.holdsTemporaryFile(folder))
    }
}
