import RecordingFormat
import StimSafety

/// Builds the events of one Percept report: see ``PerceptReport``.
struct PerceptTimeline {
    let report: JSONValue
    let file: String
    var notes: [ImportNote] = []
    private var events: [ImportedEvent] = []
    private var programs: [Int: StimProgram] = [:]
    private var activeSlot: Int?
    /// A recording starts with therapy off (`recording-format.md` §3).
    private var isTherapyOn = false
    /// Groups already said to run several programs at once.
    private var togetherNoted: Set<Int> = []

    init(report: JSONValue, file: String) {
        self.report = report
        self.file = file
    }

    mutating func build() throws(ImportError) -> ImportResult {
        let sessionStart = date("SessionDate")
        let sessionEnd = date("SessionEndDate")
        let bases = portBases()
        let initial = groups("Initial", bases: bases)
        let final = groups("Final", bases: bases)
        let log = PerceptEventLog(
            report["DiagnosticData"]?["EventLogs"]?.elements ?? [], file: "\(file) DiagnosticData.EventLogs")
        notes += log.notes
        if report["DiagnosticData"]?["EventLogs"] == nil {
            notes.append(ImportNote(.missing, file: file, "no DiagnosticData.EventLogs: no changes between sessions"))
        }
        guard let start = ([sessionStart].compactMap(\.self) + log.entries.map(\.time)).min() else {
            throw ImportError(file: file, "no SessionDate and no dated event-log entry: nothing can be placed in time")
        }
        let session = sessionStart ?? start
        let sessionClose = closing(sessionEnd, after: session)
        // Before the first change the log records, the opposite of that change held.
        let firstTherapy = log.entries.lazy.compactMap { entry -> Bool? in
            if case .therapy(let isOn) = entry.change { return !isOn }
            return nil
        }.first
        let firstGroup = log.entries.lazy.compactMap { entry -> Int? in
            if case .group(let old, _) = entry.change { return old }
            return nil
        }.first
        write(initial, at: start, source: "Groups.Initial")
        activate(group: firstGroup ?? initial?.activeGroup, settings: initial, at: start, source: "Groups.Initial")
        setTherapy(firstTherapy ?? stimStatus("InitialStimStatus"), at: start, by: .clinician, source: "Stimulation")
        for entry in log.entries where entry.time < session {
            apply(entry, settings: initial, log: log)
        }
        reconcile(initial: initial, at: session)
        measurements(at: session, bases: bases)
        for entry in log.entries where entry.time >= session {
            apply(entry, settings: final ?? initial, log: log)
        }
        let end = max(sessionClose, events.map(\.time).max() ?? session, log.entries.last?.time ?? session)
        write(final, at: sessionClose, source: "Groups.Final")
        activate(group: final?.activeGroup, settings: final, at: sessionClose, source: "Groups.Final")
        setTherapy(stimStatus("FinalStimStatus"), at: sessionClose, by: .clinician, source: "Stimulation")
        notes += PerceptChecks.notes(report, file: file)
        if !events.isEmpty {
            notes.append(
                ImportNote(
                    .reading, file: file,
                    "the report does not say who made event-log changes: they are written as by the patient; "
                        + "session settings as by the clinician"))
        }
        let information = report["DeviceInformation"]?["Final"] ?? report["DeviceInformation"]?["Initial"]
        let serial = information?["NeurostimulatorSerialNumber"]?.text ?? "unknown"
        // Swift's sort is stable: records of one time keep the order they were read in.
        let sorted = events.sorted { $0.time < $1.time }
        return ImportResult(
            format: .percept, device: PerceptReport.profileID, serial: serial, start: start, end: end, events: sorted,
            notes: notes)
    }

    /// When the session's final settings apply: its end, or its start when the end is missing or, which
    /// cannot be, before the start (said in a note), so that nothing is written before the recording's
    /// start.
    private mutating func closing(_ sessionEnd: Timestamp?, after session: Timestamp) -> Timestamp {
        guard let sessionEnd else { return session }
        guard sessionEnd < session else { return sessionEnd }
        notes.append(
            ImportNote(
                .impossible, file: file, time: sessionEnd,
                "SessionEndDate \(sessionEnd) is before SessionDate \(session); the final settings are placed at "
                    + "the session start"))
        return session
    }

    private mutating func date(_ key: String) -> Timestamp? {
        guard let value = report[key] else {
            notes.append(ImportNote(.missing, file: file, "no \(key)"))
            return nil
        }
        if let time = value.text.flatMap({ Timestamp(rfc3339: $0) }) { return time }
        notes.append(
            ImportNote(.skipped, file: file, "\(key) \(value.text ?? value.typeName) is not a UTC time; unused"))
        return nil
    }

    /// The first contact of each hemisphere's port from `LeadConfiguration`: `InsPort.ZERO_SEVEN` is
    /// 0, `EIGHT_FIFTEEN` 8; without it, left 0 and right 8.
    private mutating func portBases() -> [Int] {
        var bases = [0, 8]
        let leads = report["LeadConfiguration"]?["Final"]?.elements ?? report["LeadConfiguration"]?["Initial"]?.elements
        guard let leads else {
            notes.append(
                ImportNote(
                    .reading, file: file,
                    "no LeadConfiguration: the left hemisphere is read as contacts 0–7, the right as 8–15"))
            return bases
        }
        for lead in leads {
            guard let hemisphere = lead["Hemisphere"]?.text.map(PerceptEnum.value)?.lowercased(),
                let port = lead["ElectrodeNumber"]?.text.map(PerceptEnum.value)?.uppercased()
            else { continue }
            let index = hemisphere.contains("left") ? 0 : hemisphere.contains("right") ? 1 : nil
            let base = port == "ZERO_SEVEN" ? 0 : port == "EIGHT_FIFTEEN" ? 8 : nil
            if let index, let base { bases[index] = base }
        }
        return bases
    }

    private mutating func groups(_ which: String, bases: [Int]) -> PerceptGroups? {
        guard let list = report["Groups"]?[which]?.elements else {
            notes.append(ImportNote(.missing, file: file, "no Groups.\(which): those group settings are unknown"))
            return nil
        }
        let groups = PerceptGroups(list, path: "Groups.\(which)", file: file, bases: bases)
        notes += groups.notes
        return groups
    }

    private func stimStatus(_ key: String) -> Bool? {
        report["Stimulation"]?[key]?.text.flatMap(PerceptEnum.isOn)
    }

    private mutating func write(_ settings: PerceptGroups?, at time: Timestamp, source: String) {
        for entry in settings?.programs ?? [] where programs[entry.slot] != entry.program {
            guard let slot = Slot(number: entry.slot) else { continue }
            programs[entry.slot] = entry.program
            events.append(
                ImportedEvent(
                    time: time, event: .program(slot: slot, program: entry.program, by: .clinician),
                    source: source, contactsUnknown: entry.contactsUnknown))
        }
    }

    private mutating func activate(
        group: Int?, settings: PerceptGroups?, at time: Timestamp, source: String, by role: EventOrigin = .clinician
    ) {
        guard let group else { return }
        let slots = (settings?.programs ?? []).filter { $0.group == group }.map(\.slot)
        guard let slot = slots.min() else {
            notes.append(
                ImportNote(
                    .skipped, file: file, time: time,
                    "group \(DeviceGroup.letter(group)) becomes active but has no programs in the report; not written"))
            return
        }
        if slots.count > 1, togetherNoted.insert(group).inserted {
            notes.append(
                ImportNote(
                    .inexpressible, file: file, time: time,
                    "group \(DeviceGroup.letter(group)) runs \(slots.count) programs together (slots "
                        + "\(slots.map(String.init).joined(separator: ", "))); a recording has one active slot, so "
                        + "slot \(slot) carries the group's therapy time"))
        }
        guard slot != activeSlot, let recorded = Slot(number: slot) else { return }
        activeSlot = slot
        events.append(ImportedEvent(time: time, event: .activate(slot: recorded, by: role), source: source))
    }

    private mutating func setTherapy(_ isOn: Bool?, at time: Timestamp, by role: EventOrigin, source: String) {
        guard let isOn, isOn != isTherapyOn else { return }
        isTherapyOn = isOn
        events.append(ImportedEvent(time: time, event: .therapy(isOn: isOn, by: role), source: source))
    }

    private mutating func apply(_ entry: PerceptEventLog.Entry, settings: PerceptGroups?, log: PerceptEventLog) {
        let source = "DiagnosticData.EventLogs record \(entry.record)"
        switch entry.change {
        case .therapy(let isOn):
            setTherapy(isOn, at: entry.time, by: .patient, source: source)
        case .group(_, let new):
            activate(group: new, settings: settings, at: entry.time, source: source, by: .patient)
        case .note(let kind, let message):
            notes.append(ImportNote(kind, file: log.file, record: entry.record, time: entry.time, message))
        }
    }

    /// At the session start the device's own report of therapy and group wins over the event log.
    private mutating func reconcile(initial: PerceptGroups?, at time: Timestamp) {
        if let reported = stimStatus("InitialStimStatus"), reported != isTherapyOn {
            let running = isTherapyOn
            notes.append(
                ImportNote(
                    .disagreement, file: file, time: time,
                    "the event log leaves therapy \(running ? "on" : "off") at the session start, but "
                        + "Stimulation.InitialStimStatus says \(reported ? "on" : "off"); the device's status is kept"))
        }
        setTherapy(stimStatus("InitialStimStatus"), at: time, by: .clinician, source: "Stimulation")
        activate(group: initial?.activeGroup, settings: initial, at: time, source: "Groups.Initial")
    }

    /// Battery and monopolar impedances, measured in the session.
    private mutating func measurements(at time: Timestamp, bases: [Int]) {
        if let battery = report["BatteryInformation"]?["BatteryPercentage"] {
            if let percent = battery.quantity(Percent.self), percent >= .zero, percent <= .whole {
                events.append(ImportedEvent(time: time, event: .battery(percent), source: "BatteryInformation"))
            } else {
                notes.append(ImportNote(.impossible, file: file, "BatteryPercentage is not a percentage from 0 to 100"))
            }
        }
        var ohms: [ContactID: Milliohms] = [:]
        var bipolar = 0
        for test in report["Impedance"]?.elements ?? [] {
            for side in test["Hemisphere"]?.elements ?? [] {
                let hemisphere = side["Hemisphere"]?.text.map(PerceptEnum.value)?.lowercased() ?? ""
                let base = hemisphere.contains("right") ? bases[1] : bases[0]
                let session = side["SessionImpedance"]
                bipolar += session?["Bipolar"]?.elements?.count ?? 0
                for pair in session?["Monopolar"]?.elements ?? [] {
                    let contacts = [pair["Electrode1"], pair["Electrode2"]].compactMap { name in
                        name?.text.flatMap { PerceptContacts.contact($0, base: base) }
                    }
                    guard let contact = contacts.first(where: { $0 != .can }),
                        let value = pair["ResultValue"]?.quantity(Milliohms.self)
                    else { continue }
                    ohms[contact] = value
                }
            }
        }
        if !ohms.isEmpty {
            events.append(ImportedEvent(time: time, event: .impedance(ImpedanceMeasurement(ohms)), source: "Impedance"))
        }
        if bipolar > 0 {
            notes.append(
                ImportNote(
                    .inexpressible, file: file, time: time,
                    "\(bipolar) bipolar impedance(s) between two contacts; a recording holds one value per contact"))
        }
    }
}
