import RecordingFormat

/// Reads `DiagnosticData.EventLogs[]`: therapy on/off and active-group changes become events; lead
/// integrity tests, adaptive switching, sessions and MRI mode are said in notes.
///
/// The time of an entry is its `DateTime` (ISO 8601 UTC); `docs/domain-reference.md` lists the entry
/// kinds but not the time's key, so this is the reading.
struct PerceptEventLog {
    /// What an entry says happened.
    enum Change: Hashable {
        case therapy(isOn: Bool)
        case group(old: Int?, new: Int)
        case note(ImportNote.Kind, String)
    }

    /// One dated entry.
    struct Entry: Hashable {
        var time: Timestamp
        /// The 1-based index in `EventLogs`.
        var record: Int
        var change: Change
    }

    /// The readable entries, in time order.
    private(set) var entries: [Entry] = []
    private(set) var notes: [ImportNote] = []
    let file: String

    init(_ list: [JSONValue], file: String) {
        self.file = file
        for (index, entry) in list.enumerated() {
            let record = index + 1
            guard let text = entry["DateTime"]?.text, let time = Timestamp(rfc3339: text) else {
                notes.append(
                    ImportNote(.skipped, file: file, record: record, "no DateTime in UTC; the entry is not placed"))
                continue
            }
            if let change = change(entry, record: record, time: time) {
                entries.append(Entry(time: time, record: record, change: change))
            }
        }
        // Swift's sort is stable: records of one time keep the order they were read in.
        entries.sort { $0.time < $1.time }
    }

    private mutating func change(_ entry: JSONValue, record: Int, time: Timestamp) -> Change? {
        if let session = entry["SessionType"]?.text {
            return .note(.annotation, "programmer \(PerceptEnum.value(session))")
        }
        if let mri = entry["MriType"]?.text { return .note(.annotation, "MRI mode \(PerceptEnum.value(mri))") }
        guard let trend = entry["ParameterTrendId"]?.text.map(PerceptEnum.value) else {
            notes.append(ImportNote(.skipped, file: file, record: record, time: time, "an entry of no known kind"))
            return nil
        }
        switch trend {
        case "TherapyStatus":
            guard let status = entry["TherapyStatus"]?.text, let isOn = PerceptEnum.isOn(status) else {
                notes.append(
                    ImportNote(.skipped, file: file, record: record, time: time, "TherapyStatus is neither ON nor OFF"))
                return nil
            }
            return .therapy(isOn: isOn)
        case "ActiveGroup":
            guard let new = entry["NewGroupId"]?.text.flatMap(PerceptEnum.group) else {
                notes.append(
                    ImportNote(.skipped, file: file, record: record, time: time, "ActiveGroup without NewGroupId"))
                return nil
            }
            return .group(old: entry["OldGroupId"]?.text.flatMap(PerceptEnum.group), new: new)
        case "LeadIntegrityPerformed":
            return .note(.inexpressible, "a lead integrity test; the event log carries no impedances")
        case "AdbsEnable":
            let status = entry["AdbsStatus"]?.text.map(PerceptEnum.value) ?? "unknown"
            return .note(.inexpressible, "adaptive stimulation switched \(status); a recording has no adaptive mode")
        default:
            notes.append(
                ImportNote(.skipped, file: file, record: record, time: time, "ParameterTrendId \(trend) is not read"))
            return nil
        }
    }
}
