import DeviceProfiles

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
