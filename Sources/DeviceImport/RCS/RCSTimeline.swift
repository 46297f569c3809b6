import RecordingFormat
import StimSafety

/// Turns StimLog and DeviceSettings records, in time order, into recording events: a `program`
/// event when an enabled program's settings change, `activate` when the active group changes,
/// `therapy` when the therapy status turns therapy on or off, and `battery` from BatteryStatus.
///
/// Disabled programs are never written, so their placeholder values are never validated. A group
/// runs its enabled programs together, but a recording has one active slot: the group's first
/// enabled program carries its therapy time, and the report says so.
struct RCSTimeline {
    /// A state the logs held from `time` on.
    struct Moment {
        var time: Timestamp
        var state: RCSState
        var source: String
    }

    private(set) var events: [ImportedEvent] = []
    private(set) var notes: [ImportNote] = []
    /// The running state after each record, in time order.
    private(set) var history: [Moment] = []
    /// The profile the device's own limits are compared with.
    let limits: DeviceLimits

    private var merger = RCSRecordMerger()
    private var mergerNotes = 0
    private var written: [Int: StimProgram] = [:]
    private var activeSlot: Int?
    /// A recording starts with therapy off (`recording-format.md` §3).
    private var isTherapyOn = false
    private var lastStatus: Int?
    private var noted: Set<String> = []
    private var disabledSlots: Set<Int> = []
    /// Programs (`A1`) found disabled by the record being applied, with the reason.
    private var newlyDisabled: [String] = []
    private var comparedLimits: [Int: RCSGroupState] = [:]

    init(limits: DeviceLimits) {
        self.limits = limits
    }

    /// Merges `record` (which has a host time) and writes what changed.
    mutating func apply(_ record: RCSRecord) {
        guard let time = record.hostTime else { return }
        merger.merge(record)
        notes.append(contentsOf: merger.notes.dropFirst(mergerNotes))
        mergerNotes = merger.notes.count
        let state = merger.state
        history.append(Moment(time: time, state: state, source: record.source))
        if let battery = record.value["BatteryStatus"]?["batteryLevelPercent"] {
            writeBattery(battery, record: record, time: time)
        }
        newlyDisabled = []
        for group in 0..<4 {
            compareWithProfile(state.groups[group], group: group, record: record)
            for program in 0..<4 { writeProgram(state, group: group, program: program, record: record, time: time) }
        }
        if !newlyDisabled.isEmpty {
            notes.append(
                ImportNote(
                    .reading, file: record.file.name, record: record.index, time: time,
                    "disabled programs (group and number), not written and not validated: "
                        + newlyDisabled.joined(separator: ", ")))
        }
        writeActivity(state, record: record, time: time)
    }

    private mutating func writeProgram(_ state: RCSState, group: Int, program: Int, record: RCSRecord, time: Timestamp)
    {
        let slot = RCSState.slot(group: group, program: program)
        let name = "group \(DeviceGroup.letter(group)) program \(program)"
        let settings = state.groups[group].programs[program]
        if settings.isDisabled {
            if disabledSlots.insert(slot).inserted {
                newlyDisabled.append(
                    "\(DeviceGroup.letter(group))\(program) (\(settings.isEnabled == false ? "isEnabled 131" : "placeholder 8.5 mA, 850 µs"))"
                )
            }
            return
        }
        disabledSlots.remove(slot)
        let period = state.groups[group].period
        guard let amplitude = settings.amplitude, let pulseWidth = settings.pulseWidth, let period else {
            guard settings.amplitude != nil || settings.pulseWidth != nil || period != nil else { return }
            noteOnce(
                "incomplete \(slot)", .missing, record,
                "\(name) lacks an amplitude, pulse width or group rate so far: not written until it has all three")
            return
        }
        let settingsProgram = StimProgram(
            amplitude: amplitude, pulseWidth: pulseWidth, rate: .period(period), contacts: settings.contacts ?? [],
            recovery: settings.recovery ?? .active, patientRange: settings.amplitudeLimits)
        if state.groups[group].isCycling == true {
            noteOnce(
                "cycling \(group)", .inexpressible, record,
                "group \(DeviceGroup.letter(group)) has cyclingEnabled, but the units code of cycleOnTime and "
                    + "cycleOffTime is undocumented: its programs are written without cycling")
        }
        guard written[slot] != settingsProgram, let recorded = Slot(number: slot) else { return }
        written[slot] = settingsProgram
        events.append(
            ImportedEvent(
                time: time, event: .program(slot: recorded, program: settingsProgram, by: .clinician),
                source: record.source, contactsUnknown: settings.contacts == nil))
        checkOwnLimits(settingsProgram, slot: slot, group: state.groups[group], name: name, record: record)
    }

    /// The active group's first enabled program becomes the active slot; therapy is on when the
    /// status delivers therapy and that group has a program to deliver.
    private mutating func writeActivity(_ state: RCSState, record: RCSRecord, time: Timestamp) {
        var slot: Int?
        if let group = state.activeGroup {
            let enabled = (0..<4).filter {
                written[RCSState.slot(group: group, program: $0)] != nil && !state.groups[group].programs[$0].isDisabled
            }
            slot = enabled.first.map { RCSState.slot(group: group, program: $0) }
            if enabled.count > 1 {
                noteOnce(
                    "together \(group) \(enabled)", .inexpressible, record,
                    "group \(DeviceGroup.letter(group)) runs programs \(enabled.map(String.init).joined(separator: ", ")) "
                        + "together; a recording has one active slot, so slot \(slot ?? 0) carries the group's therapy "
                        + "time and the others are written and validated but not timed")
            }
            if enabled.isEmpty {
                noteOnce(
                    "empty \(group)", .reading, record,
                    "the active group \(DeviceGroup.letter(group)) has no enabled program with known settings: no therapy is counted"
                )
            }
        }
        if let slot, slot != activeSlot, let recorded = Slot(number: slot) {
            activeSlot = slot
            events.append(
                ImportedEvent(time: time, event: .activate(slot: recorded, by: .clinician), source: record.source))
        }
        guard let status = state.therapyStatus else { return }
        defer { lastStatus = status }
        if status == 2 || status == 5, status != lastStatus {
            notes.append(
                ImportNote(
                    .inexpressible, file: record.file.name, record: record.index, time: time,
                    "therapy status \(RCSState.therapyStatusNames[status]): a lead-integrity test whose impedances "
                        + "the session files do not carry; therapy counted off"))
        }
        let isOn = RCSState.isOn(therapyStatus: status) && slot != nil
        if isOn != isTherapyOn {
            isTherapyOn = isOn
            events.append(ImportedEvent(time: time, event: .therapy(isOn: isOn, by: .clinician), source: record.source))
        }
    }

    private mutating func writeBattery(_ value: JSONValue, record: RCSRecord, time: Timestamp) {
        guard let percent = value.quantity(Percent.self), percent >= .zero, percent <= .whole else {
            notes.append(
                ImportNote(
                    .impossible, file: record.file.name, record: record.index, time: time,
                    "batteryLevelPercent is not a percentage from 0 to 100; ignored"))
            return
        }
        events.append(ImportedEvent(time: time, event: .battery(percent), source: record.source))
    }

    /// Validates a written program against the device's own limits for its group (DeviceSettings
    /// `TherapyConfigGroupN`) with the StimSafety core: the profile, with that group's pulse-width and
    /// rate grids narrowed to what the device says.
    private mutating func checkOwnLimits(
        _ program: StimProgram, slot: Int, group: RCSGroupState, name: String, record: RCSRecord
    ) {
        // The device's groups hold four programs each, from slot 1.
        let first = (slot - 1) / 4 * 4 + 1
        guard group.pulseWidthLimits != nil || group.rateLimits != nil, let low = Slot(number: first),
            let high = Slot(number: first + 3)
        else { return }
        let step = Nanoseconds(rawValue: 10_000)
        let base = limits.group(forSlot: Slot(number: slot))
        var own = limits
        own.groups = [
            SlotGroup(
                name: "device", slots: low...high,
                pulseWidth: group.pulseWidthLimits.map { Grid(min: $0.lowerBound, max: $0.upperBound, step: step) }
                    ?? base?.pulseWidth,
                rates: group.rateLimits.map { .period(min: $0.lowerBound, max: $0.upperBound, periodStep: step) }
                    ?? base?.rates)
        ]
        let validation = own.validate(program, context: ValidationContext(slot: Slot(number: slot)))
        for finding in validation.findings where finding.rule == .pulseWidthRange || finding.rule == .frequencyRange {
            notes.append(
                ImportNote(
                    .limit, file: record.file.name, record: record.index, time: record.hostTime,
                    "\(name): \(finding.message), outside the device's own group limits in DeviceSettings "
                        + "(\(finding.rule.name))"))
        }
    }

    /// Says where the device's own group limits reach beyond the profile's group.
    private mutating func compareWithProfile(_ group: RCSGroupState, group index: Int, record: RCSRecord) {
        guard group.pulseWidthLimits != nil || group.rateLimits != nil,
            comparedLimits[index]?.pulseWidthLimits != group.pulseWidthLimits
                || comparedLimits[index]?.rateLimits != group.rateLimits
        else { return }
        comparedLimits[index] = group
        let profileGroup = limits.group(forSlot: Slot(number: RCSState.slot(group: index, program: 0)))
        let letter = DeviceGroup.letter(index)
        let pulseWidths = profileGroup?.pulseWidth ?? limits.pulseWidth
        if let own = group.pulseWidthLimits, own.lowerBound < pulseWidths.min || own.upperBound > pulseWidths.max {
            notes.append(
                ImportNote(
                    .limit, file: record.file.name, record: record.index, time: record.hostTime,
                    "group \(letter): the device allows pulse widths \(own.lowerBound.decimalText)–\(own.upperBound), "
                        + "beyond the profile's \(pulseWidths.min.decimalText)–\(pulseWidths.max) for the group"))
        }
        if let own = group.rateLimits, let rates = profileGroup?.rates ?? limits.waveforms.tonic {
            let bounds = rates.bounds
            if own.lowerBound < bounds.min || own.upperBound > bounds.max {
                notes.append(
                    ImportNote(
                        .limit, file: record.file.name, record: record.index, time: record.hostTime,
                        "group \(letter): the device allows rates \(own.lowerBound.decimalText)–\(own.upperBound), "
                            + "beyond the profile's \(bounds.min.decimalText)–\(bounds.max) for the group"))
            }
        }
    }

    private mutating func noteOnce(_ key: String, _ kind: ImportNote.Kind, _ record: RCSRecord, _ message: String) {
        guard noted.insert(key).inserted else { return }
        notes.append(ImportNote(kind, file: record.file.name, record: record.index, time: record.hostTime, message))
    }

    /// The state the logs held at `time`: the last moment at or before it.
    func state(at time: Timestamp) -> Moment? {
        history.last { $0.time <= time }
    }
}
