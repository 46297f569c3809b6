import DeviceImport
import DeviceProfiles
import Foundation
import GRDB
import Report
import TherapyLog

/// The cohort store in one SQLite file (`--store sqlite:PATH`, `docs/cohort.md`), through GRDB: WAL
/// journal, so that `scs cohort` reads while `scs analyze` writes; the schema's migrations run on
/// open, and a store of a newer schema than this scs knows is refused.
public final class SQLiteStore: Sendable {
    /// The `--store` prefix of a SQLite location.
    public static let scheme = "sqlite:"

    let pool: DatabasePool

    /// Opens (creating it if need be) and migrates the store at `path`.
    ///
    /// - Parameter location: The store as the command line named it, for messages.
    /// - Throws: ``InputError`` naming `location`: not a store SQLite can open, or a newer schema.
    public init(path: String, location: String) throws(InputError) {
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            // Synchronous NORMAL is durable in WAL mode up to a power cut, and a file of reports can be
            // made again from its recordings.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = StoreSchema.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw InputError(
                    location, "the store was written by a newer scs (a schema this version does not know); use that scs"
                )
            }
            try migrator.migrate(pool)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(location, "cannot open the SQLite store: \(Self.reason(error))")
        }
    }

    /// Keeps `report` (with `imported`'s notes and the `--json` text `json`) under the SHA-256 of the
    /// content at `path`: a new row, or the row of the same content again, replaced.
    public func keep(_ report: RecordingReport, imported: ImportResult?, json: String, path: String) throws(InputError)
    {
        let hash = try ContentHash.of(path)
        let row = StoredRecording(report: report, path: path, contentSHA256: hash, json: json)
        do {
            try pool.write { db in try row.save(in: db, notes: imported?.notes ?? []) }
        } catch {
            throw InputError(path, "cannot be kept in the store: \(Self.reason(error))")
        }
    }

    /// SQLite's message without GRDB's echo of the statement.
    static func reason(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? "\(error)"
    }
}
