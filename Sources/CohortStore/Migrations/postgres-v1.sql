-- The cohort store in PostgreSQL (docs/cohort.md §Schema): the tables of the SQLite store, with the
-- same columns (unquoted, so PostgreSQL folds their names to lower case).
-- A later change of schema is a new file, postgres-v2.sql, never an edit of this one.
CREATE TABLE recording (
    id BIGSERIAL PRIMARY KEY,
    contentSHA256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    device TEXT NOT NULL,
    serial TEXT NOT NULL,
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    truncated INTEGER NOT NULL,
    recordedHours DOUBLE PRECISION NOT NULL,
    therapyHours DOUBLE PRECISION NOT NULL,
    usagePercent DOUBLE PRECISION,
    days INTEGER NOT NULL,
    daysWithTherapy INTEGER NOT NULL,
    patientAdjustments INTEGER NOT NULL,
    clinicianAdjustments INTEGER NOT NULL,
    deviceAdjustments INTEGER NOT NULL,
    refusals INTEGER NOT NULL,
    charges INTEGER NOT NULL,
    meanChargeIntervalHours DOUBLE PRECISION,
    impedanceAlerts INTEGER NOT NULL,
    safetyErrorEvents INTEGER NOT NULL,
    safetyWarningEvents INTEGER NOT NULL,
    safetyRules TEXT NOT NULL,
    findings INTEGER NOT NULL,
    report TEXT NOT NULL,
    scsVersion TEXT NOT NULL,
    storedAt TEXT NOT NULL
);
CREATE INDEX recordingPatient ON recording (device, serial);
CREATE TABLE dayUsage (
    recordingId BIGINT NOT NULL REFERENCES recording (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    therapyHours DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (recordingId, date)
);
CREATE TABLE programUsage (
    recordingId BIGINT NOT NULL REFERENCES recording (id) ON DELETE CASCADE,
    slot INTEGER NOT NULL,
    therapyHours DOUBLE PRECISION NOT NULL,
    meanAmplitude DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (recordingId, slot)
);
CREATE TABLE refusal (
    recordingId BIGINT NOT NULL REFERENCES recording (id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (recordingId, rule)
);
CREATE TABLE importNote (
    recordingId BIGINT NOT NULL REFERENCES recording (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    file TEXT NOT NULL,
    line INTEGER,
    message TEXT NOT NULL,
    PRIMARY KEY (recordingId, position)
);
