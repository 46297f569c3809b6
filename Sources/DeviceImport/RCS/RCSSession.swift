import Foundation
import RecordingFormat
import StimSafety

/// Imports a Summit RC+S session folder (`docs/domain-reference.md` §5.2) into the recording model.
///
/// Works with whatever subset of DeviceSettings.json, StimLog.json, EventLog.json and
/// AdaptiveLog.json is present, and says what each missing file costs. Wall time is the host's
/// (`RecordInfo.HostUnixTime`, `PacketGenTime`, `UnixOnsetTime`); the INS's own clocks serve only
/// to place records whose host time is not set.
public enum RCSSession {
    /// The device profile RC+S sessions are judged against.
    public static let profileID = "research-ins-16"

    /// Reads the session folder at `folder`.
    ///
    /// - Parameters:
    ///   - name: The folder as the caller named it, for messages.
    ///   - limits: The profile's limits, which the device's own group limits are compared with.
    /// - Throws: ``ImportError`` for a folder with none of the four files, a file too damaged to
    ///   repair or of another kind, or a session in which no record has a time.
    public static func read(folder: URL, name: String, limits: DeviceLimits) throws(ImportError) -> ImportResult {
        var notes: [ImportNote] = []
        var files: [RCSFile: [RCSRecord]] = [:]
        for file in RCSFile.allCases {
            files[file] = try RCSFileReader.records(of: file, in: folder, folderName: name, notes: &notes)
        }
        guard !files.isEmpty else {
            throw ImportError(
                file: name,
                "none of the RC+S session files (\(RCSFile.allCases.map(\.name).joined(separator: ", "))) is in the folder"
            )
        }
        for file in RCSFile.allCases where files[file] == nil {
            notes.append(ImportNote(.missing, file: file.name, missingCost(file, present: Set(files.keys))))
        }
        var timeline = RCSTimeline(limits: limits)
        for record in settingsRecords(files, notes: &notes) { timeline.apply(record) }
        notes.append(contentsOf: timeline.notes)
        var events = timeline.events
        let adaptive = RCSAdaptiveLog(files[.adaptiveLog] ?? [], timeline: timeline)
        events.append(contentsOf: adaptive.events)
        notes.append(contentsOf: adaptive.notes)
        let hasSettings = files[.stimLog] != nil || files[.deviceSettings] != nil
        notes.append(
            contentsOf: RCSEventLog.notes(files[.eventLog] ?? [], timeline: timeline, hasSettings: hasSettings))
        notes.append(contentsOf: utcOffsetNotes(files[.deviceSettings] ?? []))
        if !events.isEmpty {
            notes.append(
                ImportNote(
                    .reading, file: folder.lastPathComponent,
                    "the session files do not say who changed what: settings changes are written as by the clinician, "
                        + "adaptive amplitudes as by the device; DeviceSettings amplitude limits are each program's "
                        + "patient range, and an activeRechargeRatio above 0 is active recovery (0 passive)"))
        }
        // Swift's sort is stable: records of one time keep the order they were read in.
        events.sort { $0.time < $1.time }
        let times = files.values.joined().compactMap(\.hostTime) + events.map(\.time) + notes.compactMap(\.time)
        guard let start = times.min(), let end = times.max() else {
            throw ImportError(file: name, "no record has a time (RecordInfo.HostUnixTime); nothing can be placed")
        }
        let serial = files.values.joined().lazy.compactMap { $0.value["RecordInfo"]?["DeviceId"]?.text }.first
        return ImportResult(
            format: .rcs, device: profileID, serial: serial ?? "unknown", start: start, end: end, events: events,
            notes: notes)
    }

    /// DeviceSettings and StimLog records in time order (DeviceSettings first at equal times); a
    /// record without a host time cannot be placed and is noted.
    private static func settingsRecords(_ files: [RCSFile: [RCSRecord]], notes: inout [ImportNote]) -> [RCSRecord] {
        var records: [(time: Timestamp, record: RCSRecord)] = []
        for file in [RCSFile.deviceSettings, .stimLog] {
            var latest: RCSRecord?
            for record in files[file] ?? [] {
                guard let time = record.hostTime else {
                    notes.append(
                        ImportNote(
                            .skipped, file: file.name, record: record.index,
                            "no RecordInfo.HostUnixTime: the record cannot be placed in time"))
                    continue
                }
                if let latest, let previous = latest.hostTime, time < previous {
                    notes.append(
                        ImportNote(
                            .reading, file: file.name, record: record.index, time: time,
                            "earlier than record \(latest.index): merged in time order"))
                }
                latest = record
                records.append((time, record))
            }
        }
        // Swift's sort is stable: records of one time keep the order they were read in.
        return records.sorted { $0.time < $1.time }.map(\.record)
    }

    /// What the import loses without `file`.
    private static func missingCost(_ file: RCSFile, present: Set<RCSFile>) -> String {
        switch file {
        case .deviceSettings:
            "no electrode configuration, recovery, enable flags, device limits or battery: programs are written with their "
                + "contacts unknown (the contact rules are not evaluated) and the default active recovery, and disabled "
                + "programs are known only by their placeholder values"
        case .stimLog:
            present.contains(.deviceSettings)
                ? "the therapy timeline comes from DeviceSettings.json alone"
                : "no therapy timeline: no settings, active group or therapy status"
        case .eventLog: "no app annotations to compare with the settings"
        case .adaptiveLog: "no adaptive amplitude changes"
        }
    }

    /// A `UtcOffset` outside −12…+14 hours cannot be a time zone.
    private static func utcOffsetNotes(_ records: [RCSRecord]) -> [ImportNote] {
        records.compactMap { record in
            guard let offset = record.value["UtcOffset"]?.double, offset < -12 || offset > 14 else { return nil }
            return ImportNote(
                .impossible, file: record.file.name, record: record.index, time: record.hostTime,
                "UtcOffset \(RCSRecordMerger.text(offset)) h is outside −12…+14 h")
        }
    }
}
