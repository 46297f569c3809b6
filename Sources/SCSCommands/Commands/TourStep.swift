import ArgumentParser
import Foundation

/// One step of `scs tour`: a heading, the command line a newcomer would type, and that command run
/// through ``SCSCommand/status(running:)`` — the same code, the same output, nothing re-implemented.
struct TourStep {
    /// What the step shows.
    let title: String
    /// The arguments after `scs`.
    let arguments: [String]
    /// The exit status the step must end with: 1 where the tour shows a refusal.
    let expectedStatus: Int32

    /// The step did not end as the tour expects.
    struct Failure: Error, CustomStringConvertible {
        let step: TourStep
        let status: Int32

        var description: String {
            "the tour stopped: `\(step.commandLine)` exited \(status), expected \(step.expectedStatus)"
        }
    }

    /// The command as typed at a shell prompt.
    var commandLine: String {
        (["scs"] + arguments).map(Self.shellQuoted).joined(separator: " ")
    }

    /// Prints the heading and the command line, then runs the command.
    ///
    /// - Throws: ``Failure`` when the command's exit status is not ``expectedStatus``.
    func run() async throws(Failure) {
        print("\n" + Terminal.paint(title, .bold) + "\n")
        print(Terminal.paint(Terminal.escaped("$ " + commandLine), .dim))
        // Commands print through stdio's buffer and through direct writes; flushing around each step
        // keeps the steps in order on a pipe.
        fflush(nil)
        let status = await SCSCommand.status(running: arguments)
        fflush(nil)
        guard status == expectedStatus else { throw Failure(step: self, status: status) }
    }

    /// `word` as a shell reads it back: quoted only when it holds characters the shell would change.
    private static func shellQuoted(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "-_.,/:=+@%".unicodeScalars.contains($0)
        }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
