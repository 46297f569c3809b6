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
        let row = try StoredRecording(report: report, imported: imported, path: path, json: json)
        do {
            try pool.write { db in
                let columns = row.columns
                guard
                    let id = try Int64.fetchOne(
                        db, sql: StoredRecording.upsert(columns.map(\.name)),
                        arguments: StatementArguments(columns.map { $0.value.databaseValue }))
                else { throw DatabaseError(message: "the row of \(path) was not written") }
                for (table, rows) in row.children {
                    try db.execute(sql: StoredRecording.deleteChildren(table), arguments: [id])
                    guard let width = rows.first?.count else { continue }
                    let statement = try db.makeStatement(sql: StoredRecording.insertChildren(table, width: width))
                    for cells in rows {
                        try statement.execute(arguments: StatementArguments([id] + cells.map(\.databaseValue)))
                    }
                }
            }
        } catch {
            throw InputError(path, "cannot be kept in the store: \(Self.reason(error))")
        }
    }

    /// The cohort of the recordings `filter` selects, with patients under `belowPercent` of days
    /// with therapy marked. The days of a patient's overlapping recordings count once (the larger
    /// therapy time of the two).
    public func cohort(_ filter: CohortFilter, belowPercent: Double) throws(InputError) -> Cohort {
        do {
            return try Cohort.query(filter, belowPercent: belowPercent, rows: rows)
        } catch {
            throw InputError("--store", "cannot read the store: \(Self.reason(error))")
        }
    }

    /// Runs a cohort question (`?` placeholders, text arguments), its rows as cells by position.
    func rows(_ sql: String, _ arguments: [String]) throws -> [[StoreCell]] {
        try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null, .blob: .null
                    case .int64(let number): .integer(Int(number))
                    case .double(let number): .real(number)
                    case .string(let text): .text(text)
                    }
                }
            }
        }
    }

    /// SQLite's message without GRDB's echo of the statement.
    static func reason(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? "\(error)"
    }
}

extension StoreCell {
    /// The cell as GRDB binds it.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        case .text(let value): value.databaseValue
        }
    }
}
