import ArgumentParser
import CohortStore
import Foundation
import Logging
import SCSCommands

/// `scs` with the commands of SCSCommands and those that need the cohort store, which only this
/// executable links (so that no other build compiles GRDB).
struct SCS: AsyncParsableCommand {
    static let configuration = {
        var configuration = SCSCommand.configuration
        configuration.subcommands.append(CohortCommand.self)
        return configuration
    }()
}

extension SQLiteStore: ReportStore {}

// The one place a logging backend and the stores are chosen: the libraries and commands only use them.
LoggingSystem.bootstrap(StreamLogHandler.standardError)
ReportStores.install { location in try StoreLocation.open(location) }
exit(await SCS.status(running: Array(CommandLine.arguments.dropFirst())))
