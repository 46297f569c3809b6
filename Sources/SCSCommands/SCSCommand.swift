import ArgumentParser
import Foundation

/// `scs`: the spinal cord stimulator programming simulator and therapy-log analyzer.
public struct SCSCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "scs",
        abstract: "Trial spinal cord stimulation programs against device profiles and their safety rules.",
        discussion: """
            Exit status: 0 success; 1 the program is unsafe or a check failed; 2 bad input or usage.
            Device profiles are read from the bundled Devices/ folder unless --devices names another.
            """,
        subcommands: [
            DevicesCommand.self, ValidateCommand.self, EnvelopeCommand.self, CheckCommand.self, TourCommand.self,
            AnalyzeCommand.self, SimulateCommand.self, ServeCommand.self, SessionCommand.self, ReplayCommand.self,
            UsbCommand.self, ImportCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line and returns the process exit status, mapping every bad-input or usage
    /// error to 2 (argument-parser's own default is 64) with a message and no stack trace.
    public static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(NegativeOptionValues.attached(arguments))
            try command.run()
            return 0
        } catch let error as InputError {
            Terminal.error("error: \(error)")
            return 2
        } catch let error as ExitCode {
            return error.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                return 0
            }
            if !message.isEmpty { Terminal.error(message) }
            return code == .failure ? 1 : 2
        }
    }

    /// The process entry point.
    public static func runAndExit() -> Never {
        Foundation.exit(run(Array(CommandLine.arguments.dropFirst())))
    }
}
