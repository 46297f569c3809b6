import DeviceProfiles
import Foundation

extension InputError {
    /// argument-parser's `message` (`Error: Missing expected argument '--device <device>'`, then help
    /// and usage lines) in the form of every other error: located at the flag or argument its first
    /// line quotes, else at `command`, the rest kept below.
    init(parserMessage message: String, command: String) {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var first = lines.removeFirst()
        if first.hasPrefix("Error: ") { first.removeFirst("Error: ".count) }
        // Our own validation messages already start `--flag: `.
        if first.hasPrefix("-"), let colon = first.range(of: ": ") {
            self.init(
                String(first[..<colon.lowerBound]),
                ([String(first[colon.upperBound...])] + lines).joined(separator: "\n"))
            return
        }
        let quoted = first.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map(\.element)
        let name = quoted.first { $0.hasPrefix("-") || $0.hasPrefix("<") } ?? quoted.first
        let location = name.map { String($0.prefix { $0 != " " && $0 != "=" }) } ?? command
        let what = first.prefix(1).lowercased() + first.dropFirst()
        self.init(location, ([what] + lines).joined(separator: "\n"))
    }
}
