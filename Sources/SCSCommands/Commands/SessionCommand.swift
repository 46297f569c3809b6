import ArgumentParser
import DeviceProfiles
import Foundation
import StimDevice
import StimProtocol
import StimSafety

/// `scs session`: a clinician programming session on a stimulator, typed at a prompt or read from a
/// script.
struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "A clinician programming session on a simulated or USB stimulator, interactive or scripted.",
        discussion: """
            --device ID runs a simulator in this process; --socket PATH talks to one `scs serve` runs; --usb \
            talks to the stimulator on USB (--serial S among several; try it without hardware: \
            `scs usb emulate -- scs session --usb`). \
            Every write is validated on the host (the report of `scs validate`) and again by the device; a \
            refused write changes nothing. Commands come from --script FILE, or from standard input when \
            it is not a terminal; type help for the list.

            Scripted, every line is checked before any is run. Exit status: 0 every command done; 1 a \
            command was refused or failed (the script goes on); 2 bad input (a line that is not a \
            command, named by its number; no device; a socket or key file that cannot be used).
            """)

    @OptionGroup var target: TargetOptions

    @Flag(help: "Talk to the stimulator on USB (see `scs usb list`), with the key file of --keys or $SCS_USB_KEYS.")
    var usb = false

    @Option(help: ArgumentHelp("Read the commands from this file instead of the terminal.", valueName: "file"))
    var script: String?

    func validate() throws {
        guard [target.socket != nil, target.device != nil, usb].filter({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --socket PATH, --device ID and --usb")
        }
    }

    func run() throws {
        let lines = try scriptLines()
        let link = try TargetLink(try target.resolve(overUSB: usb))
        let session = try AsyncBridge.run { try await link.session(as: .clinician) }
        let programmer = session.programmer
        let runner = SessionRunner(programmer: programmer, profile: session.profile, write: Self.say)
        defer {
            _ = try? AsyncBridge.run {
                await programmer.close()
                await link.close()
            }
        }
        Self.say(SessionText.greeting(programmer.identity, role: programmer.role))
        let limits = session.profile.limits
        if let lines {
            let script = try SessionScript(lines: lines, source: script ?? "stdin", limits: limits)
            if try !Self.runScript(script, on: runner) { throw ExitCode(1) }
        } else {
            try Self.runInteractively(on: runner, limits: limits)
        }
    }

    /// The script's lines: from --script, or standard input when it is not a terminal; nil for a
    /// terminal.
    private func scriptLines() throws(InputError) -> [String]? {
        if let script {
            do {
                return try String(contentsOfFile: script, encoding: .utf8).components(separatedBy: "\n")
            } catch {
                throw InputError("--script \(script)", "cannot read it (\(error.localizedDescription))")
            }
        }
        guard isatty(STDIN_FILENO) == 0 else { return nil }
        var lines: [String] = []
        while let line = readLine() { lines.append(line) }
        return lines
    }

    /// Runs every line of `script`, echoing each after the prompt; false when one was refused or failed.
    private static func runScript(_ script: SessionScript, on runner: SessionRunner) throws -> Bool {
        var isClean = true
        for line in script.lines where line.command != .nothing {
            let outcome = try AsyncBridge.run {
                say(await runner.prompt() + line.text)
                return await runner.run(line.command, text: line.text)
            }
            if outcome == .refused { isClean = false }
            if outcome == .quit { break }
        }
        return isClean
    }

    /// Reads commands at a prompt until quit or end of input; a line that is not a command is
    /// answered and the session goes on.
    private static func runInteractively(on runner: SessionRunner, limits: DeviceLimits) throws {
        while true {
            let prompt = try AsyncBridge.run { await runner.prompt() }
            FileHandle.standardOutput.write(Data(prompt.utf8))
            guard let text = readLine() else { return say("") }
            let command: SessionLine
            do throws(SessionLine.SyntaxError) {
                command = try SessionLine.parse(text, limits: limits)
            } catch {
                say(error.description)
                continue
            }
            let outcome = try AsyncBridge.run { await runner.run(command, text: text) }
            if outcome == .quit { return }
        }
    }

    /// Writes `text` and a line feed to stdout at once, so that a pipe sees answers in order.
    @Sendable private static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
