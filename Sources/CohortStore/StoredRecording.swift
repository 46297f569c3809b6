import DeviceImport
import Foundation
import GRDB
import RecordingFormat
import Report
import StimSafety
import TherapyLog

/// One recording's row of the store and the rows under it, made from the analyzer's report: the
/// figures of `recording-format.md` §3 in columns, the daily usage, programs, refusals and import
/// notes in tables of their own, and the whole `--json` report beside them.
struct StoredRecording {
    var report: RecordingReport
    var path: String
    var contentSHA256: String
    var json: String

    /// Inserts the row, or replaces the row of the same content and everything under it.
    func save(in db: Database, notes: [ImportNote]) throws {
        let columns: [(String, (any DatabaseValueConvertible)?)] = [
            ("contentSHA256", contentSHA256), ("path", path), ("device", report.device), ("serial", report.serial),
            ("start", report.start.rfc3339), ("end", report.end.rfc3339), ("truncated", report.isTruncated),
            ("recordedHours", report.recordedHours), ("therapyHours", report.therapyHours),
            ("usagePercent", report.usagePercent), ("days", report.days.count),
            ("daysWithTherapy", report.daysWithTherapy), ("patientAdjustments", report.adjustments.patient),
            ("clinicianAdjustments", report.adjustments.clinician), ("deviceAdjustments", report.adjustments.device),
            ("refusals", report.rejected.total), ("charges", report.charges.count),
            ("meanChargeIntervalHours", report.charges.meanIntervalHours),
            ("impedanceAlerts", report.impedanceAlerts), ("safetyErrorEvents", report.safety.eventsWithErrors),
            ("safetyWarningEvents", report.safety.eventsWithWarnings),
            ("safetyRules", report.safety.rules.map(\.name).joined(separator: ",")),
            ("findings", report.findings.count), ("report", json), ("scsVersion", SCSVersion.text),
            ("storedAt", Date().ISO8601Format()),
        ]
        let names = columns.map { "\"\($0.0)\"" }
        let updates = names.dropFirst().map { "\($0) = excluded.\($0)" }
        let id = try Int64.fetchOne(
            db,
            sql: """
                INSERT INTO recording (\(names.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))
                ON CONFLICT (contentSHA256) DO UPDATE SET \(updates.joined(separator: ", "))
                RETURNING id
                """,
            arguments: StatementArguments(columns.map(\.1)))
        guard let id else { throw DatabaseError(message: "the row of \(path) was not written") }
        for table in ["dayUsage", "programUsage", "refusal", "importNote"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE recordingId = ?", arguments: [id])
        }
        let day = try db.makeStatement(sql: "INSERT INTO dayUsage VALUES (?, ?, ?)")
        for usage in report.days { try day.execute(arguments: [id, usage.date, usage.therapyHours]) }
        let program = try db.makeStatement(sql: "INSERT INTO programUsage VALUES (?, ?, ?, ?)")
        for usage in report.programs {
            try program.execute(arguments: [id, usage.slot.number, usage.therapyHours, usage.meanAmplitude])
        }
        let refusal = try db.makeStatement(sql: "INSERT INTO refusal VALUES (?, ?, ?)")
        for (rule, count) in report.rejected.byRule { try refusal.execute(arguments: [id, rule, count]) }
        let note = try db.makeStatement(sql: "INSERT INTO importNote VALUES (?, ?, ?, ?, ?, ?)")
        for (position, entry) in notes.enumerated() {
            try note.execute(arguments: [id, position, entry.kind.rawValue, entry.file, entry.line, entry.message])
        }
    }
}
