import GRDB

/// The cohort store's tables (`docs/cohort.md` §Schema), as GRDB migrations run on open: each change
/// of schema is a new migration appended here, never an edit of one already released.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: recordings, days, programs, refusals, import notes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE recording (
                        id INTEGER PRIMARY KEY,
                        contentSHA256 TEXT NOT NULL UNIQUE,
                        path TEXT NOT NULL,
                        device TEXT NOT NULL,
                        serial TEXT NOT NULL,
                        start TEXT NOT NULL,
                        "end" TEXT NOT NULL,
                        truncated INTEGER NOT NULL,
                        recordedHours REAL NOT NULL,
                        therapyHours REAL NOT NULL,
                        usagePercent REAL,
                        days INTEGER NOT NULL,
                        daysWithTherapy INTEGER NOT NULL,
                        patientAdjustments INTEGER NOT NULL,
                        clinicianAdjustments INTEGER NOT NULL,
                        deviceAdjustments INTEGER NOT NULL,
                        refusals INTEGER NOT NULL,
                        charges INTEGER NOT NULL,
                        meanChargeIntervalHours REAL,
                        impedanceAlerts INTEGER NOT NULL,
                        safetyErrorEvents INTEGER NOT NULL,
                        safetyWarningEvents INTEGER NOT NULL,
                        safetyRules TEXT NOT NULL,
                        findings INTEGER NOT NULL,
                        report TEXT NOT NULL,
                        scsVersion TEXT NOT NULL,
                        storedAt TEXT NOT NULL
                    );
                    CREATE INDEX recordingPatient ON recording(device, serial);
                    CREATE TABLE dayUsage (
                        recordingId INTEGER NOT NULL REFERENCES recording(id) ON DELETE CASCADE,
                        date TEXT NOT NULL,
                        therapyHours REAL NOT NULL,
                        PRIMARY KEY (recordingId, date)
                    ) WITHOUT ROWID;
                    CREATE TABLE programUsage (
                        recordingId INTEGER NOT NULL REFERENCES recording(id) ON DELETE CASCADE,
                        slot INTEGER NOT NULL,
                        therapyHours REAL NOT NULL,
                        meanAmplitude REAL NOT NULL,
                        PRIMARY KEY (recordingId, slot)
                    ) WITHOUT ROWID;
                    CREATE TABLE refusal (
                        recordingId INTEGER NOT NULL REFERENCES recording(id) ON DELETE CASCADE,
                        rule TEXT NOT NULL,
                        count INTEGER NOT NULL,
                        PRIMARY KEY (recordingId, rule)
                    ) WITHOUT ROWID;
                    CREATE TABLE importNote (
                        recordingId INTEGER NOT NULL REFERENCES recording(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        file TEXT NOT NULL,
                        line INTEGER,
                        message TEXT NOT NULL,
                        PRIMARY KEY (recordingId, position)
                    ) WITHOUT ROWID;
                    """)
        }
        return migrator
    }
}
