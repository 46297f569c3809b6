import DeviceImport
import RecordingFormat
import Report
import TherapyLog

/// The notes of an import as text: a heading with the source and counts by kind, then one line per
/// note with its place, time and message.
enum ImportNotesText {
    static func render(_ result: ImportResult) -> [String] {
        var lines = ["Imported   \(result.format.title) · \(Format.count(result.events.count, "event"))"]
        guard !result.notes.isEmpty else { return lines + ["Import notes: none"] }
        let counts = ImportNote.Kind.allCases.compactMap { kind -> String? in
            let count = result.notes.count { $0.kind == kind }
            return count > 0 ? "\(kind.rawValue) \(count)" : nil
        }
        lines.append("")
        lines.append("Import notes (\(result.notes.count): \(counts.joined(separator: ", ")))")
        var table = TextTable(["kind", "where", "time", "note"], alignments: [.left, .left, .left, .left])
        for note in result.notes {
            table.add([note.kind.rawValue, note.location, note.time?.rfc3339 ?? "", note.message])
        }
        lines.append(table.render(indent: "  "))
        return lines
    }
}
