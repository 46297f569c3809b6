import DeviceImport
import DeviceProfiles
import Report
import TherapyLog

/// A cohort store of either engine: what `scs analyze --store` keeps reports in and `scs cohort` asks.
public protocol CohortDatabase: Sendable {
    /// Keeps `report` (with `imported`'s notes and the `--json` text `json`) under the SHA-256 of the
    /// content at `path`: a new row, or the row of the same content again, replaced.
    func keep(_ report: RecordingReport, imported: ImportResult?, json: String, path: String) throws(InputError)
    /// The cohort of the recordings `filter` selects, with patients under `belowPercent` of days
    /// with therapy marked.
    func cohort(_ filter: CohortFilter, belowPercent: Double) throws(InputError) -> Cohort
}

extension SQLiteStore: CohortDatabase {}
extension PostgresStore: CohortDatabase {}

/// A `--store` location: `sqlite:PATH` for a SQLite file, `postgres://…` for a PostgreSQL database
/// (`docs/cohort.md`).
public enum StoreLocation {
    /// Opens the store `location` names.
    ///
    /// - Throws: ``InputError`` naming `--store`: a location of no known kind, or a store that
    ///   cannot be opened.
    public static func open(_ location: String) throws(InputError) -> any CohortDatabase {
        let flag = "--store \(location)"
        if location.hasPrefix(SQLiteStore.scheme) {
            let path = String(location.dropFirst(SQLiteStore.scheme.count))
            guard !path.isEmpty else { throw InputError(flag, "give the SQLite file's path: sqlite:PATH") }
            return try SQLiteStore(path: path, location: flag)
        }
        if PostgresStore.schemes.contains(where: location.hasPrefix) {
            return try PostgresStore(url: location, location: "--store")
        }
        throw InputError(flag, "not a store location; give sqlite:PATH or postgres://USER@HOST[:PORT]/DATABASE")
    }
}
