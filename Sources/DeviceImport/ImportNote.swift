import RecordingFormat

/// Something the import report says about the source: a repair, a missing file, what the recording
/// model cannot express, an impossible value, a disagreement, each naming its file and record.
public struct ImportNote: Hashable, Sendable {
    /// The kinds of note.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// Damaged JSON read after a repair.
        case repair
        /// A file, block or field the import looked for and did not find.
        case missing
        /// Something the source says that a recording cannot hold; reported, not invented.
        case inexpressible
        /// Free text or a marker written by an app or a patient, with its time.
        case annotation
        /// The source contradicts itself: annotation text against the settings log, a running state
        /// against a reported one.
        case disagreement
        /// A raw device value and the derived value written beside it do not agree.
        case mismatch
        /// A setting outside the device's own limits, or limits outside the device profile.
        case limit
        /// A value that cannot be true (a lower limit above the upper one, an offset out of range).
        case impossible
        /// A record that could not be used, and why.
        case skipped
        /// How the import read something the format leaves open.
        case reading
    }

    /// What kind of note.
    public var kind: Kind
    /// The file the note is about, as named in the source folder (`StimLog.json`), or the report's name.
    public var file: String
    /// The 1-based record in the file's array of records, where one is concerned.
    public var record: Int?
    /// The 1-based text line, for repairs.
    public var line: Int?
    /// The source's time for the thing noted, where it has one.
    public var time: Timestamp?
    /// What was found and what the import did, in words.
    public var message: String

    public init(
        _ kind: Kind, file: String, record: Int? = nil, line: Int? = nil, time: Timestamp? = nil, _ message: String
    ) {
        self.kind = kind
        self.file = file
        self.record = record
        self.line = line
        self.time = time
        self.message = message
    }

    /// `StimLog.json record 3`, `EventLog.json line 12`, or the file alone.
    public var location: String {
        if let record { return "\(file) record \(record)" }
        if let line { return "\(file) line \(line)" }
        return file
    }
}
