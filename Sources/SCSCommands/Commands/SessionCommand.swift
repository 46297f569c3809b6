import ArgumentParser
import DeviceProfiles
import FileIO
import Foundation
import StimDevice
import StimProtocol
import StimSafety

/// `scs session`: a clinician programming session on a stimulator, typed at a prompt or read from a
/// script.
struct SessionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "A clinician programming session on a simulated or USB stimulator, interactive or scripted.",
        usage: "scs session (--socket <socket> | --device <device> | --usb) [<options>]",
        discussion: """
            --device ID runs a simulator in this process; --socket PATH talks to one `scs serve` runs; --usb \
            talks to the stimulator on USB (--serial S among several; try it without hardware: \
            `scs usb emulate -- scs session --usb`). --role patient opens the session with the patient \
            key and may do only what a patient's remote may; other commands are refused and say why. \
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

    @Option(help: "Whose session: a clinician's programmer, or a patient's remote (adjust, activate, on/off, read).")
    var role: RoleName = .clinician

    /// `--role`'s values: the roles by name rather than by wire code.
    enum RoleName: String, ExpressibleByArgument, CaseIterable {
        case clinician, patient

        var role: Role { self == .clinician ? .clinician : .patient }
    }

    func validate() throws {
        guard [target.socket != nil, target.device != nil, usb].filter({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --socket PATH, --device ID and --usb")
        }
    }

    func run() async throws {
        let lines = try scriptLines()
        let link = try TargetLink(try target.resolve(overUSB: usb))
        let session = try await link.session(as: role.role)
        let programmer = session.programmer
        let inputs = CommandInputs([script, self.target.keys, self.target.catalog.folder])
        let runner = SessionRunner(
            programmer: programmer, profile: session.profile, inputs: inputs, write: Terminal.say)
        do {
            try await converse(lines, with: programmer, on: runner, inputs: inputs, limits: session.profile.limits)
        } catch {
            await programmer.close()
            await link.close()
            throw error
        }
        await programmer.close()
        await link.close()
    }

    /// Greets, then runs the script of `lines`, or commands typed at the prompt when there is none.
    private func converse(
        _ lines: [String]?, with programmer: Programmer, on runner: SessionRunner, inputs: CommandInputs,
        limits: DeviceLimits
    ) async throws {
        Terminal.say(SessionText.greeting(programmer.identity, role: programmer.role))
        if let lines {
            let source = script ?? "stdin"
            let script = try SessionScript(lines: lines, source: source, limits: limits)
            // A log that would replace an input is a bad line, found before anything runs.
            for line in script.lines {
                if case .log(let file?) = line.command {
                    try inputs.check(output: file, location: "\(source):\(line.number): log \(file)")
                }
            }
            if await !Self.runScript(script, on: runner) { throw ExitCode(1) }
        } else {
            await Self.runInteractively(on: runner, limits: limits)
        }
    }

    /// The script's lines (ended by `\n` or `\r\n`): from --script (`-` for standard input), or
    /// standard input when it is not a terminal; nil for a terminal.
    private func scriptLines() throws(InputError) -> [String]? {
        if let script { return try Self.lines(of: script, location: "--script \(script)") }
        guard isatty(STDIN_FILENO) == 0 else { return nil }
        return try Self.lines(of: InputFile.standardInputPath, location: "standard input")
    }

    private static func lines(of path: String, location: String) throws(InputError) -> [String] {
        do {
            return try InputFile(path: path).readLines()
        } catch {
            throw InputError(location, error.reason)
        }
    }

    /// Runs every line of `script`, echoing each after the prompt; false when one was refused or failed.
    private static func runScript(_ script: SessionScript, on runner: SessionRunner) async -> Bool {
        var isClean = true
        for line in script.lines where line.command != .nothing {
            Terminal.say(await runner.prompt() + Terminal.escaped(line.text))
            let outcome = await runner.run(line.command, text: line.text)
            if outcome == .refused { isClean = false }
            if outcome == .quit { break }
        }
        return isClean
    }

    /// Reads commands at a terminal's prompt, edited by ``LineEditor``, until quit or the end of input;
    /// a line that is not a command is answered and the session goes on.
    private static func runInteractively(on runner: SessionRunner, limits: DeviceLimits) async {
        let editor = LineEditor(complete: SessionCompletion.candidates)
        while true {
            let text: String
            switch editor.read(prompt: await runner.prompt()) {
            case .line(let line): text = line
            case .cancelled: continue
            case .end: return
            }
            let command: SessionLine
            do throws(SessionLine.SyntaxError) {
                command = try SessionLine.parse(text, limits: limits)
            } catch {
                Terminal.say(Terminal.escaped(error.description))
                continue
            }
            let outcome = await runner.run(command, text: text)
            if outcome == .quit { return }
        }
    }
}
