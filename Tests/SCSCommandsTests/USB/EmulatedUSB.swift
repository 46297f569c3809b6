import Foundation
import SCSCommands
import Testing

/// Runs `scs` commands under `scs usb emulate`, which puts virtual stimulators on umockdev's bus.
enum EmulatedUSB {
    /// Whether umockdev-wrapper is installed; CI has it (scripts/install-deps).
    static let isAvailable = Executable.onPath("umockdev-wrapper") != nil

    static let skipMessage = Comment(
        rawValue: "needs umockdev-wrapper for `scs usb emulate`: run scripts/install-deps (apt: umockdev)")

    /// `scs usb emulate EMULATE -- scs COMMAND` with `input` on standard input, the inner `scs` being
    /// the one under test.
    static func run(_ command: [String], emulating emulate: [String] = [], input: String = "") throws
        -> SCSProcess.Result
    {
        try SCSProcess.run(["usb", "emulate"] + emulate + ["--", SCSProcess.executable.path] + command, input: input)
    }

    /// The rows of `scs usb list --json`.
    static func rows(_ result: SCSProcess.Result) throws -> [[String: Any]] {
        try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }
}
