import Foundation
import Testing

/// Runs the built `scs` executable as a user would, capturing its output and exit status.
struct SCSProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// What a session printed after the prompt that echoes `line` of its script, up to the next prompt
        /// (empty when no prompt echoes it).
        func answer(to line: String) -> String { answer(toLineStarting: line + "\n") }

        /// The echo and answer of the first line of a session's script that starts with `prefix`.
        func answer(toLineStarting prefix: String) -> String {
            stdout.components(separatedBy: "> ").dropFirst().first { $0.hasPrefix(prefix) } ?? ""
        }
    }

    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `scs` executable beside the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("scs")
    }

    /// Runs `scs` (or another `executable`) with `arguments` in `directory`, with `input` as its standard
    /// input (none: empty) and `overrides` replacing variables of this environment.
    static func run(
        _ arguments: [String], in directory: URL = root, input: String = "",
        environment overrides: [String: String] = [:], executable: URL = executable
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "SCS_DEVICES")
        environment.merge(overrides) { _, override in override }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        // A command that exits before reading its input closes the pipe: not a failure of the test.
        signal(SIGPIPE, SIG_IGN)
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// `text` with the line breaks and indents of wrapped lines (`TextWidth`) read as single spaces, to find
/// a phrase wherever the 120-column wrap fell.
func unwrapped(_ text: String) -> String {
    text.replacingOccurrences(of: #"\n +"#, with: " ", options: .regularExpression)
}

/// Compares output with a golden file under `Golden/`; `SCS_UPDATE_GOLDEN=1` rewrites the file instead.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = SCSProcess.root.appendingPathComponent("Tests/SCSCommandsTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["SCS_UPDATE_GOLDEN"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let golden = try String(contentsOf: url, encoding: .utf8)
    #expect(
        text == golden, "output differs from Golden/\(name); rerun with SCS_UPDATE_GOLDEN=1 to accept",
        sourceLocation: sourceLocation)
}

/// Writes `text` to a fresh temporary file and returns its path.
func temporaryFile(_ text: String, name: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}
