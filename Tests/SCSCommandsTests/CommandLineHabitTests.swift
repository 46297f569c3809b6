import Foundation
import Report
import Testing

/// Habits people bring to any command-line tool: `--version`, and a suggestion for a misspelt
/// subcommand instead of a bare usage line.
@Suite("Command-line habits")
struct CommandLineHabitTests {
    @Test func versionPrintsTheVersionEveryReportNamesAndSucceeds() throws {
        let result = try SCSProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == SCSVersion.text + "\n")
        let parts = SCSVersion.text.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil })
    }

    @Test(
        "A misspelt subcommand is bad input naming the word, the command it was given to and the likely intent",
        arguments: [
            (
                ["analyse", "x.jsonl"],
                "error: analyse: not a command of scs (did you mean 'analyze'?); see 'scs --help'"
            ),
            (["Validate"], "error: Validate: not a command of scs (did you mean 'validate'?); see 'scs --help'"),
            (["usb", "lst"], "error: lst: not a command of scs usb (did you mean 'list'?); see 'scs usb --help'"),
            (["frobnicate"], "error: frobnicate: not a command of scs; see 'scs --help'"),
        ])
    func misspeltSubcommand(_ arguments: [String], _ message: String) throws {
        let result = try SCSProcess.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr == message + "\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func aMisspeltFlagIsStillSuggestedByTheParser() throws {
        let result = try SCSProcess.run(["analyze", "--jsn", "x.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Did you mean '--json'?"))
    }

    @Test func helpAndRealSubcommandsAreNotTakenForMisspellings() throws {
        let result = try SCSProcess.run(["help", "devices"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("devices"))
    }
}
