import ArgumentParser
import StimSafety

/// What Tab offers at a session's prompt: commands for the first word, the line's flags for a word
/// starting `--`, rule ids after `--acknowledge`.
enum SessionCompletion {
    /// The session's commands, as `help` lists them.
    static let commands = [
        "status", "check", "write", "activate", "adjust", "on", "off", "impedance", "battery", "log", "wait",
        "history", "help", "quit",
    ]

    /// The words that may replace the last word of `line` (empty when it ends in a space: a new word).
    static func candidates(for line: String) -> [String] {
        let words = SessionLine.words(of: line)
        let isNewWord = line.last?.isWhitespace ?? true
        let typed = isNewWord ? "" : words.last ?? ""
        let before = isNewWord ? words : Array(words.dropLast())
        let options: [String]
        if before.isEmpty {
            options = commands
        } else if before.last == "--acknowledge" {
            // After a comma, the ids already given stay as typed.
            let head = typed.split(separator: ",", omittingEmptySubsequences: false).dropLast().map { $0 + "," }
            options = RuleID.allCases.map { head.joined() + $0.name }
        } else if typed.hasPrefix("-") {
            options = flagsByCommand[before[0].lowercased()] ?? []
        } else {
            options = []
        }
        return options.filter { $0.hasPrefix(typed) }
    }

    /// The flags of each command that takes them, read from its arguments' help so that they follow the
    /// definitions; rendered once, not at each Tab.
    private static let flagsByCommand: [String: [String]] = {
        let programFlags = flags(inHelp: ProgramArguments.helpMessage())
        return ["write": programFlags, "check": programFlags, "adjust": flags(inHelp: AdjustArguments.helpMessage())]
    }()

    /// The `--flag`s `help` names, each once, `--help` left out.
    private static func flags(inHelp help: String) -> [String] {
        var seen = Set<String>()
        return help.matches(of: /--[a-z][a-z-]*/).map { String($0.output) }.filter {
            $0 != "--help" && seen.insert($0).inserted
        }
    }
}
