import DeviceImport
import DeviceProfiles
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
