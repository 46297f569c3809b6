import ArgumentParser
import CohortStore
import DeviceImport
import Foundation
import Logging
import ProgrammerUI
import SCSCommands
import TherapyLog

/// `scs` with the commands of SCSCommands and those that need the cohort store or the web server,
/// which only this executable links (so that no other build compiles GRDB or swift-nio).
struct SCS: AsyncParsableCommand {
    static let configuration = {
        var configuration = SCSCommand.configuration
        configuration.subcommands.append(contentsOf: [CohortCommand.self, FleetCommand.self, UICommand.self])
        return configuration
    }()
}

/// A cohort store as `scs analyze --store` sees it.
struct OpenedStore: ReportStore {
    var database: any CohortDatabase

    func keep(_ report: RecordingReport, imported: ImportResult?, json: String, path: String) throws {
        try database.keep(report, imported: imported, json: json, path: path)
    }
}

// The one place a logging backend and the stores are chosen: the libraries and commands only use them.
LoggingSystem.bootstrap(StreamLogHandler.standardError)
ReportStores.install { location in OpenedStore(database: try StoreLocation.open(location)) }
exit(await SCS.status(running: Array(CommandLine.arguments.dropFirst())))
