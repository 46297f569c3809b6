import Foundation
import Testing

/// Every error `scs` reports reads `error: WHERE: WHAT` on stderr (`docs/cli.md` §1), whichever part
/// of it found the problem.
@Suite("One error style everywhere")
struct ErrorStyleTests {
    static let program = ["--amplitude", "3", "--pulse-width", "300", "--frequency", "50", "--contacts", "1-,2+"]

    @Test(
        "Each source of errors writes error: WHERE: WHAT as the first line of stderr, with its exit status",
        arguments: [
            // A command's own bad input, located at the flag.
            (["validate", "--device", "nope"] + program, 2, "error: --device: unknown device 'nope'"),
            // argument-parser's errors, located at the flag or argument they quote.
            (["validate"] + program, 2, "error: --device: missing expected argument '--device <device>'"),
            (["devices", "--jsn"], 2, "error: --jsn: unknown option '--jsn'. Did you mean '--json'?"),
            (["check"], 2, "error: <plan>: missing expected argument '<plan>'"),
            (["replay", "x", "--target", "tape"], 2, "error: --target: the value 'tape' is invalid"),
            // A validation that names its flag, and one that names none: located at the command.
            (["validate", "--device", "tonic-16", "--acknowledge", "zz"] + program, 2, "error: --acknowledge: 'zz'"),
            (["analyze"], 2, "error: scs analyze: give at least one recording file"),
            (["session", "--script", "/dev/null"], 2, "error: scs session: give exactly one of --socket"),
            // A misspelt subcommand.
            (["usb", "lst"], 2, "error: lst: not a command of scs usb (did you mean 'list'?)"),
            // A file's problem, located at the file and line.
            (["replay", "Package.swift", "--target", "simulator"], 2, "error: Package.swift: line 1: not a recording"),
            (
                ["analyze", "--strict", "Recordings/edge-cases/malformed-lines.scsrec.jsonl", "--json"], 1,
                "error: Recordings/edge-cases/malformed-lines.scsrec.jsonl: line 4: invalid-json:"
            ),
            // The folder of profiles, named by the flag.
            (["devices", "--devices", "/nonexistent"], 2, "error: --devices: /nonexistent: cannot list the folder"),
        ] as [([String], Int32, String)])
    func eachSourceOfErrors(arguments: [String], status: Int32, prefix: String) throws {
        let result = try SCSProcess.run(arguments)
        #expect(result.status == status)
        #expect(result.stderr.hasPrefix(prefix), "\(result.stderr)")
    }

    @Test func aBadProfileInTheDevicesFolderIsLocatedAtItsFileLineAndColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-bad-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "id: x\nbogus: 1\n".write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let result = try SCSProcess.run(["devices", "--devices", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: \(folder.path)/bad.yaml:2:8: bogus: unknown field"), "\(result.stderr)")
    }
}
