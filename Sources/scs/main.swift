import ArgumentParser
import CohortStore
import Foundation
import Logging
import ProgrammerUI
import SCSCommands

/// `scs` with the commands of SCSCommands and those that need the cohort store or the web server,
/// which only this executable links (so that no other build compiles GRDB or swift-nio).
struct SCS: AsyncParsableCommand {
    static let configuration = {
        var configuration = SCSCommand.configuration
        configuration.subcommands.append(contentsOf: [CohortCommand.self, UICommand.self])
        return configuration
    }()
}

extension SQLiteStore: ReportStore {}

// The one place a logging backend and the stores are chosen: the libraries and commands only use them.
LoggingSystem.bootstrap(StreamLogHandler.standardError)
ReportStores.install { location in try StoreLocation.open(location) }
exit(await SCS.status(running: Array(CommandLine.arguments.dropFirst())))
