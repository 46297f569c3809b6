import RecordingFormat
import TherapyLog

/// What an importer made of a device log: events of the recording model in time order, the span
/// they cover, the device profile to judge them against, and the notes of the import.
public struct ImportResult: Hashable, Sendable {
    /// The source format.
    public var format: ImportFormat
    /// The device profile id the recording names.
    public var device: String
    /// The device's serial number, or `unknown`.
    public var serial: String
    /// The start of the recorded span.
    public var start: Timestamp
    /// The end of the recorded span (never before the last event).
    public var end: Timestamp
    /// The events, in time order.
    public var events: [ImportedEvent]
    /// Repairs, missing files, what the model cannot express, impossible values and disagreements.
    public var notes: [ImportNote]

    /// The result of an import, holding only what a recording can: an event whose line the recording
    /// reader would refuse (a negative amplitude, a number too large for its unit) or that lies more
    /// than 292 years after `start` is left out with an `impossible` note naming its source, so that
    /// the recording written and the analysis of the import judge the same events.
    public init(
        format: ImportFormat, device: String, serial: String, start: Timestamp, end: Timestamp,
        events: [ImportedEvent], notes: [ImportNote]
    ) {
        self.format = format
        self.device = device
        self.serial = serial
        self.start = start
        let header = RecordingHeader(device: device, serial: serial, start: start)
        var notes = notes
        self.events = events.filter { imported in
            let problem =
                header.spans(imported.time)
                ? imported.event.lineProblem(at: imported.time)
                : "\(imported.time) is more than 292 years after the start \(start)"
            guard let problem else { return true }
            notes.append(
                ImportNote(
                    .impossible, file: imported.source, time: imported.time,
                    "a \(imported.event.typeName) event the recording format cannot hold (\(problem)); not written"))
            return false
        }
        self.notes = notes
        self.end = header.spans(end) ? end : self.events.last?.time ?? start
    }

    /// The recording's header line.
    public var header: RecordingHeader {
        RecordingHeader(device: device, serial: serial, start: start)
    }

    /// The recording, in exactly the format of `recording-format.md`.
    public var recordingText: String {
        RecordingWriter.text(header: header, events: events.map { ($0.time, $0.event) }, end: end)
    }

    /// The recording as the reader hands it on: each event at the line it has in ``recordingText``.
    public var items: [RecordingItem] {
        events.enumerated().map { index, imported in
            .event(RecordedEvent(line: index + 2, time: imported.time, appliedAt: imported.time, event: imported.event))
        } + [.event(RecordedEvent(line: events.count + 2, time: end, appliedAt: end, event: .end))]
    }

    /// What the reader would report at the end of ``recordingText``.
    public var outcome: ReadingOutcome {
        let bytes = recordingText.utf8.count
        return ReadingOutcome(
            lineCount: events.count + 2, end: end, isTruncated: false, peakBufferedBytes: bytes, bytesRead: bytes)
    }
}
