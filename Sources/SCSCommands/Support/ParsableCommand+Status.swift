import ArgumentParser

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
}
