import ArgumentParser
import DeviceProfiles

extension ParsableCommand {
    /// Runs `arguments` as a command line with this command as the root and returns the process exit
    /// status, mapping every bad-input or usage error to 2 (argument-parser's own default is 64) with a
    /// message and no stack trace. An `AsyncParsableCommand` is awaited.
    package static func status(running arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(NegativeOptionValues.attached(arguments))
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            return 0
        } catch let error as InputError {
            Terminal.error(error.location.isEmpty ? InputError(commandPath(in: arguments), error.message) : error)
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
            if let (word, command, suggestion) = unknownSubcommand(in: arguments) {
                let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
                Terminal.error(InputError(word, "not a command of \(command)\(hint); see '\(command) --help'"))
                return 2
            }
            if !message.isEmpty {
                Terminal.error(InputError(parserMessage: message, command: commandPath(in: arguments)))
            }
            return code == .failure ? 1 : 2
        }
    }

    /// The command `arguments` run, as typed (`scs usb list`): where an error that names no file or
    /// flag happened.
    static func commandPath(in arguments: [String]) -> String {
        walk(arguments).path
    }

    /// The word of `arguments` that stands where a subcommand must (of this command, or of the
    /// subcommand named before it) but names none, with the command it was given to and the nearest
    /// real name when it is a likely misspelling; nil when every such word names a subcommand.
    static func unknownSubcommand(in arguments: [String]) -> (word: String, command: String, suggestion: String?)? {
        let (command, path, next) = walk(arguments)
        let names = command.configuration.subcommands.map { $0._commandName }
        guard let word = next, !word.hasPrefix("-"), word != "help", !names.isEmpty else { return nil }
        return (word, path, Misspelling.likelyIntent(of: word, among: names))
    }

    /// Follows `arguments` down the subcommands while each names one: the command reached, its path as
    /// typed, and the first word that names no subcommand of it (nil when the words ran out first).
    private static func walk(
        _ arguments: [String]
    ) -> (command: any ParsableCommand.Type, path: String, next: String?) {
        var command: any ParsableCommand.Type = self
        var path = _commandName
        for argument in arguments {
            guard let named = command.configuration.subcommands.first(where: { $0._commandName == argument }) else {
                return (command, path, argument)
            }
            command = named
            path += " " + argument
        }
        return (command, path, nil)
    }
}
