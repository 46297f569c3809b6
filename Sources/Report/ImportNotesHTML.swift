import DeviceImport
import RecordingFormat
import TherapyLog

/// The import section of the HTML report: the source, and every note in a table that folds when long.
enum ImportNotesHTML {
    static func render(_ result: ImportResult) -> String {
        let summary = Markup.element(
            "p", [],
            Markup.escape(
                "\(result.format.title), judged as \(result.device): "
                    + "\(Format.count(result.events.count, "event")) imported, "
                    + "\(Format.count(result.notes.count, "note"))."))
        guard !result.notes.isEmpty else { return summary }
        let rows = result.notes.map { [$0.kind.rawValue, $0.location, $0.time?.rfc3339 ?? "", $0.message] }
        let classes = result.notes.map { note -> String? in
            switch note.kind {
            case .impossible, .disagreement, .limit, .mismatch: "warning"
            default: nil
            }
        }
        let table = Markup.table(["kind", "where", "time", "note"], rows, rowClasses: classes)
        return summary + "\n" + AnalysisSafetyHTML.collapsible("Import notes", count: result.notes.count, table)
    }
}
