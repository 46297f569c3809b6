import DeviceImport
import DeviceProfiles
import Foundation
import RecordingFormat
import Report
import StimSafety
import TherapyLog

/// One recording's row of the store and the rows under it, made from the analyzer's report: the
/// figures of `recording-format.md` §3 in columns, the daily usage, programs, refusals and import
/// notes in tables of their own, and the whole `--json` report beside them. Both engines write it
/// with the statements here (`?` placeholders).
struct StoredRecording {
    var report: RecordingReport
    var notes: [ImportNote]
    var path: String
    var contentSHA256: String
    var json: String

    /// The `recording` row's columns.
    var columns: [(name: String, value: StoreCell)] {
        [
            ("contentSHA256", .init(contentSHA256)), ("path", .init(path)), ("device", .init(report.device)),
            ("serial", .init(report.serial)), ("start", .init(report.start.rfc3339)),
            ("end", .init(report.end.rfc3339)), ("truncated", .init(report.isTruncated ? 1 : 0)),
            ("recordedHours", .init(report.recordedHours)), ("therapyHours", .init(report.therapyHours)),
            ("usagePercent", .init(report.usagePercent)), ("days", .init(report.days.count)),
            ("daysWithTherapy", .init(report.daysWithTherapy)),
            ("patientAdjustments", .init(report.adjustments.patient)),
            ("clinicianAdjustments", .init(report.adjustments.clinician)),
            ("deviceAdjustments", .init(report.adjustments.device)), ("refusals", .init(report.rejected.total)),
            ("charges", .init(report.charges.count)),
            ("meanChargeIntervalHours", .init(report.charges.meanIntervalHours)),
            ("impedanceAlerts", .init(report.impedanceAlerts)),
            ("safetyErrorEvents", .init(report.safety.eventsWithErrors)),
            ("safetyWarningEvents", .init(report.safety.eventsWithWarnings)),
            ("safetyRules", .init(report.safety.rules.map(\.name).joined(separator: ","))),
            ("findings", .init(report.findings.count)), ("report", .init(json)), ("scsVersion", .init(SCSVersion.text)),
            ("storedAt", .init(Date().ISO8601Format())),
        ]
    }

    /// Inserts the `recording` row, or replaces the row of the same content, returning its id.
    static func upsert(_ names: [String]) -> String {
        let names = names.map { $0 == "end" ? "\"end\"" : $0 }  // a keyword in SQL
        let updates = names.dropFirst().map { "\($0) = excluded.\($0)" }
        return """
            INSERT INTO recording (\(names.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))
            ON CONFLICT (contentSHA256) DO UPDATE SET \(updates.joined(separator: ", "))
            RETURNING id
            """
    }

    /// The tables under a recording, each with the rows to insert (after the recording's id).
    var children: [(table: String, rows: [[StoreCell]])] {
        [
            ("dayUsage", report.days.map { [.init($0.date), .init($0.therapyHours)] }),
            (
                "programUsage",
                report.programs.map { [.init($0.slot.number), .init($0.therapyHours), .init($0.meanAmplitude)] }
            ),
            ("refusal", report.rejected.byRule.map { [.init($0.key), .init($0.value)] }),
            (
                "importNote",
                notes.enumerated().map { position, note in
                    [
                        .init(position), .init(note.kind.rawValue), .init(note.file),
                        note.line.map(StoreCell.init) ?? .null,
                        .init(note.message),
                    ]
                }
            ),
        ]
    }

    /// The statement that deletes a recording's rows in `table`, before they are inserted again.
    static func deleteChildren(_ table: String) -> String { "DELETE FROM \(table) WHERE recordingId = ?" }

    /// The statement that inserts `rows` rows of `width` cells (after the recording's id) into `table`.
    static func insertChildren(_ table: String, width: Int, rows: Int = 1) -> String {
        let row = "(?\(String(repeating: ", ?", count: width)))"
        return "INSERT INTO \(table) VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))"
    }
}

extension StoredRecording {
    /// The row of `report` (with `imported`'s notes) for the content at `path`, hashed now: what both
    /// stores keep for `scs analyze --store`.
    init(report: RecordingReport, imported: ImportResult?, path: String, json: String) throws(InputError) {
        let hash = try ContentHash.of(path)
        self.init(report: report, notes: imported?.notes ?? [], path: path, contentSHA256: hash, json: json)
    }
}
