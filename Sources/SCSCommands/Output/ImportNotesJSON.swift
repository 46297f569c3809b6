import DeviceImport
import RecordingFormat
import TherapyLog

/// The `import` object of a report (and of `scs import --json`): the source format, the device and
/// span, the event count, where each event's line of the recording came from, and every note.
struct ImportNotesJSON: Encodable {
    var result: ImportResult

    private enum Keys: String, CodingKey { case format, device, serial, start, end, events, sources, notes }
    private enum SourceKeys: String, CodingKey { case line, source }
    private enum NoteKeys: String, CodingKey { case kind, file, record, line, time, message }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(result.format.rawValue, forKey: .format)
        try container.encode(result.device, forKey: .device)
        try container.encode(result.serial, forKey: .serial)
        try container.encode(result.start.rfc3339, forKey: .start)
        try container.encode(result.end.rfc3339, forKey: .end)
        try container.encode(result.events.count, forKey: .events)
        var sources = container.nestedUnkeyedContainer(forKey: .sources)
        for (index, event) in result.events.enumerated() {
            var entry = sources.nestedContainer(keyedBy: SourceKeys.self)
            try entry.encode(index + 2, forKey: .line)
            try entry.encode(event.source, forKey: .source)
        }
        var list = container.nestedUnkeyedContainer(forKey: .notes)
        for note in result.notes {
            var entry = list.nestedContainer(keyedBy: NoteKeys.self)
            try entry.encode(note.kind.rawValue, forKey: .kind)
            try entry.encode(note.file, forKey: .file)
            try entry.encode(note.record, forKey: .record)
            try entry.encode(note.line, forKey: .line)
            try entry.encode(note.time?.rfc3339, forKey: .time)
            try entry.encode(note.message, forKey: .message)
        }
    }
}

/// One recording of the `--json` analysis: the report's fields, plus `import` for an imported log.
struct AnalyzedRecording {
    var report: RecordingReport
    var imported: ImportResult?

    /// The recording's JSON object: pretty-printed for a document at `depth` (`--json`), or on one line
    /// (`--batch`, the store).
    func jsonText(pretty: Bool, depth: Int = 0) throws -> String {
        var writer = JSONTextWriter(pretty: pretty, depth: depth)
        try write(to: &writer)
        return writer.text
    }

    /// Writes the recording's JSON object with `writer`.
    func write(to writer: inout JSONTextWriter) throws {
        try report.writeJSON(to: &writer, imported: imported.map(ImportNotesJSON.init(result:)))
    }
}
