import DeviceImport
import DeviceProfiles
import Foundation
import Logging
import NIOCore
import PostgresNIO
import Report
import Synchronization
import TherapyLog

/// The cohort store in a PostgreSQL database (`--store postgres://USER[:PASSWORD]@HOST[:PORT]/DB`,
/// `docs/cohort.md`), through postgres-nio: the tables of the SQLite store, made by the plain SQL
/// migrations in `Migrations/` (each run once, in a transaction, on open); a store of a newer schema
/// than this scs knows is refused. One connection, a transaction at a time.
public final class PostgresStore: Sendable {
    /// The `--store` prefixes of a PostgreSQL location.
    public static let schemes = ["postgres://", "postgresql://"]

    /// The migrations in order: the schema's version is their count.
    static let migrations = [PackageResources.postgres_v1_sql, PackageResources.postgres_v2_sql]

    private let connection: Mutex<PostgresConnection>
    private static let logger = {
        var logger = Logger(label: "scs.postgres")
        logger.logLevel = .warning
        return logger
    }()

    /// Connects to the database `url` names and migrates it.
    ///
    /// - Parameter location: The store as the command line named it, for messages.
    /// - Throws: ``InputError`` naming `location`: a malformed address, an unreachable server, a
    ///   refused login, or a newer schema.
    public init(url: String, location: String) throws(InputError) {
        guard let parts = URLComponents(string: url), let host = parts.host, let user = parts.user,
            parts.path.count > 1
        else {
            throw InputError(location, "expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
        let configuration = PostgresConnection.Configuration(
            host: host, port: parts.port ?? 5432, username: user, password: parts.password,
            database: String(parts.path.dropFirst()), tls: .disable)
        do {
            let opened = try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: 1,
                logger: Self.logger
            ).wait()
            connection = Mutex(opened)
        } catch {
            throw InputError(location, "cannot connect to PostgreSQL: \(Self.reason(error))")
        }
        do {
            try migrate(location: location)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(location, "cannot open the PostgreSQL store: \(Self.reason(error))")
        }
    }

    // postgres-nio wants a connection closed before it is released.
    deinit {
        connection.withLock { connection in
            let closed: EventLoopFuture<Void> = connection.close()
            try? closed.wait()
        }
    }

    /// Keeps `report` (with `imported`'s notes and the `--json` text `json`) under the SHA-256 of the
    /// content at `path`: a new row, or the row of the same content again, replaced.
    public func keep(_ report: RecordingReport, imported: ImportResult?, json: String, path: String) throws(InputError)
    {
        let row = try StoredRecording(report: report, imported: imported, path: path, json: json)
        do {
            try transaction { run in try Self.write(row, run) }
        } catch {
            throw InputError(path, "cannot be kept in the store: \(Self.reason(error))")
        }
    }

    /// Writes `row` and the rows under it, in the caller's transaction.
    static func write(_ row: StoredRecording, _ run: Run) throws {
        let columns = row.columns
        // `xmax` is 0 in a row this statement inserted: a new recording has no rows under it to delete.
        let upsert = StoredRecording.upsert(columns.map(\.name)) + ", xmax = 0"
        guard let written = try run(upsert, columns.map(\.value)).first, written.count == 2 else {
            throw InputError(row.path, "its row was not written")
        }
        let (id, isNew) = (written[0], written[1] == .integer(1))
        for (table, rows) in row.children {
            if !isNew { _ = try run(StoredRecording.deleteChildren(table), [id]) }
            // A round trip per statement is what costs over a network: many rows in each (a year's
            // days in one), under the protocol's 65,535 parameters.
            for start in stride(from: 0, to: rows.count, by: 4096) {
                let chunk = rows[start..<min(start + 4096, rows.count)]
                let insert = StoredRecording.insertChildren(table, width: chunk[start].count, rows: chunk.count)
                _ = try run(insert, chunk.flatMap { [id] + $0 })
            }
        }
    }

    /// The cohort of the recordings `filter` selects (as ``SQLiteStore/cohort(_:belowPercent:)``).
    public func cohort(_ filter: CohortFilter, belowPercent: Double) throws(InputError) -> Cohort {
        do {
            return try transaction { run in
                try Cohort.query(filter, belowPercent: belowPercent) { sql, arguments in
                    try run(sql, arguments.map(StoreCell.text))
                }
            }
        } catch {
            throw InputError("--store", "cannot read the store: \(Self.reason(error))")
        }
    }

    /// Runs one statement (`?` placeholders) on `connection`, its rows as cells by position.
    typealias Run = (_ sql: String, _ arguments: [StoreCell]) throws -> [[StoreCell]]

    /// Runs `body` in one transaction, with this store's connection to itself; rolled back if it throws.
    func transaction<T>(_ body: (Run) throws -> T) throws -> T {
        try connected { run in
            _ = try run("BEGIN", [])
            do {
                let result = try body(run)
                _ = try run("COMMIT", [])
                return result
            } catch {
                _ = try? run("ROLLBACK", [])
                throw error
            }
        }
    }

    /// Runs `body` with this store's connection to itself, each statement its own transaction.
    func connected<T>(_ body: (@escaping Run) throws -> T) throws -> T {
        try connection.withLock { held in
            let connection = held
            return try body { sql, arguments in try Self.run(connection, sql, arguments) }
        }
    }

    private static func run(_ connection: PostgresConnection, _ sql: String, _ arguments: [StoreCell]) throws
        -> [[StoreCell]]
    {
        var binds = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .null: binds.appendNull()
            case .integer(let value): binds.append(value)
            case .real(let value): binds.append(value)
            case .text(let value): binds.append(value)
            }
        }
        let query = PostgresQuery(unsafeSQL: numberedPlaceholders(sql), binds: binds)
        return try connection.query(query, logger: logger).wait().rows.map { row in
            try row.map { cell in
                guard cell.bytes != nil else { return .null }
                switch cell.dataType {
                case .int2, .int4, .int8: return .integer(try cell.decode(Int.self))
                case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
                case .float4, .float8: return .real(try cell.decode(Double.self))
                case .numeric: return .real(Double(try cell.decode(String.self)) ?? .nan)
                default: return .text(try cell.decode(String.self))
                }
            }
        }
    }

    /// Brings the schema up to ``migrations`` under an advisory lock (two scs opening a new database
    /// at once migrate it once), or refuses a newer one.
    private func migrate(location: String) throws {
        try transaction { run in
            _ = try run("SELECT pg_advisory_xact_lock(7250522)", [])
            _ = try run("CREATE TABLE IF NOT EXISTS scsSchema (version INTEGER NOT NULL)", [])
            let version = try run("SELECT COALESCE(MAX(version), 0) FROM scsSchema", []).first?.first?.int ?? 0
            guard version <= Self.migrations.count else {
                throw InputError(
                    location,
                    "the store was written by a newer scs (schema \(version); this scs knows up to "
                        + "\(Self.migrations.count)); use that scs")
            }
            for (index, migration) in Self.migrations.enumerated().dropFirst(version) {
                for statement in Self.statements(String(decoding: migration, as: UTF8.self)) {
                    _ = try run(statement, [])
                }
                _ = try run("INSERT INTO scsSchema VALUES (?)", [.integer(index + 1)])
            }
        }
    }

    /// The statements of a migration file: its comment lines left out, split at each `;` that ends
    /// a line (the server prepares one statement at a time).
    static func statements(_ file: String) -> [String] {
        file.split(separator: "\n").filter { !$0.hasPrefix("--") }.joined(separator: "\n")
            .components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// The server's message, or what stopped the connection, without postgres-nio's generic text.
    static func reason(_ error: any Error) -> String {
        if let error = error as? InputError { return error.message }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return "\(underlying)" }
        return "\(error.code)"
    }
}
