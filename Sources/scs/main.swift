import ArgumentParser
import Foundation
import Logging
import ProgrammerUI
import SCSCommands

/// `scs` with every subcommand: those of ``SCSCommand`` and `scs ui`, which only this executable links
/// (with its web server), so that the libraries' other users build without it.
struct SCS: AsyncParsableCommand {
    static let configuration = {
        var configuration = SCSCommand.configuration
        configuration.subcommands.append(UICommand.self)
        return configuration
    }()
}

// The one place a logging backend is chosen: the libraries and commands only make loggers.
LoggingSystem.bootstrap(StreamLogHandler.standardError)
exit(await SCS.status(running: Array(CommandLine.arguments.dropFirst())))
