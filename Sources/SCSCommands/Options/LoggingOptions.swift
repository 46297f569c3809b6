import ArgumentParser
import Logging

/// `--log-level LEVEL --trace`: what a long-running command logs to stderr.
struct LoggingOptions: ParsableArguments {
    @Option(help: "The least severe messages logged to stderr: trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    @Flag(help: "Log every frame in and out (direction, type, sequence number, session, result), at info; never keys.")
    var trace = false

    func validate() throws {
        if trace, logLevel > .info {
            throw ValidationError("--trace logs at info, which --log-level \(logLevel) hides; give --log-level info")
        }
    }

    /// A logger labelled `label`, through the backend the executable bootstrapped, at `--log-level`.
    func logger(label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = logLevel
        return logger
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
