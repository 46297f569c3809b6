import DeviceImport
import DeviceProfiles
import Synchronization
import TherapyLog

/// Where `scs analyze --store LOCATION` keeps each recording's report (`docs/cohort.md`).
///
/// The stores (SQLite through GRDB, and the like) are linked by the `scs` executable alone, so that no
/// other build compiles them: it installs the opener with ``ReportStores/install(_:)`` at start, as
/// it chooses the logging backend.
package protocol ReportStore: Sendable {
    /// Keeps the analysis of the recording at `path`, replacing what was kept for the same content.
    ///
    /// - Parameter json: The report as `scs analyze --json` writes it in `recordings`.
    func keep(_ report: RecordingReport, imported: ImportResult?, json: String, path: String) throws
}

/// The opener of `--store` locations the executable installed.
package enum ReportStores {
    package typealias Opener = @Sendable (_ location: String) throws -> any ReportStore

    private static let opener = Mutex<Opener?>(nil)

    /// Makes `open` the way `--store` locations are opened.
    package static func install(_ open: @escaping Opener) {
        opener.withLock { $0 = open }
    }

    /// Opens `location`; without an installed opener (a build without stores) that is bad input.
    static func open(_ location: String) throws -> any ReportStore {
        guard let open = opener.withLock({ $0 }) else {
            throw InputError("--store \(location)", "this build of scs has no cohort store")
        }
        return try open(location)
    }
}
