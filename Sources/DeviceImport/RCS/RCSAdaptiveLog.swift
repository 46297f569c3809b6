import RecordingFormat
import StimSafety

/// Reads AdaptiveLog.json: the amplitudes the adaptive algorithm set, as `amplitude` events by the
/// device for the programs of the group active at the time that hold written, enabled settings.
///
/// Time comes from `PacketGenTime` (host time of the packet, ms). Where it is not set, the record
/// is placed by the INS's 16-bit `systemTick` (100 µs units) counted forward from the record before,
/// across the rollover; failing that, by `RecordInfo.HostUnixTime`. Ramps appear as the sampled
/// amplitudes, held between samples.
struct RCSAdaptiveLog {
    private(set) var events: [ImportedEvent] = []
    private(set) var notes: [ImportNote] = []

    /// Ticks in one `systemTick` cycle.
    static let tickCycle = 1 << 16
    /// Nanoseconds per tick.
    static let tickNanoseconds: Int64 = 100_000

    init(_ records: [RCSRecord], timeline: RCSTimeline) {
        var previous: (time: Timestamp, tick: Int?, index: Int)?
        var rollovers = 0
        var ramping = 0
        var running: [Int: Nanoamps] = [:]
        var programEvents = timeline.events.filter {
            if case .program = $0.event { return true }
            return false
        }[...]
        var placed: [(time: Timestamp, record: RCSRecord, amplitudes: [JSONValue])] = []
        for record in records {
            let update = record.value["AdaptiveUpdate"] ?? record.value
            let tick = update["Header"]?["systemTick"]?.integer
            if let tick, let last = previous?.tick, tick < last { rollovers += 1 }
            let time: Timestamp
            if let generated = RCSRecord.time(milliseconds: update["PacketGenTime"]) {
                time = generated
            } else if let previous, let tick, let last = previous.tick {
                // Taken modulo the cycle first, so that no systemTick a file holds can overflow.
                let ticks = (tick % Self.tickCycle - last % Self.tickCycle + 2 * Self.tickCycle) % Self.tickCycle
                let (placed, overflow) = previous.time.nanosecondsSinceEpoch.addingReportingOverflow(
                    Int64(ticks) * Self.tickNanoseconds)
                guard !overflow else {
                    note(.skipped, record, nil, "placed by systemTick after the last instant a recording can hold")
                    continue
                }
                time = Timestamp(nanosecondsSinceEpoch: placed)
                note(
                    .reading, record, time,
                    "PacketGenTime not set: placed \(Double(ticks) / 10) ms after record \(previous.index) by systemTick"
                )
            } else if let host = record.hostTime {
                time = host
                note(.reading, record, time, "PacketGenTime not set: placed at RecordInfo.HostUnixTime")
            } else {
                note(
                    .skipped, record, nil,
                    "no time: PacketGenTime not set, no systemTick to count from, no HostUnixTime")
                continue
            }
            if let previous, time < previous.time {
                note(.reading, record, time, "earlier than record \(previous.index): placed in time order")
            }
            previous = (time, tick, record.index)
            if let flags = update["StimFlags"]?.integer, flags & 0xF != 0 { ramping += 1 }
            guard let amplitudes = update["CurrentProgramAmplitudesInMilliamps"]?.elements else {
                note(.missing, record, time, "no CurrentProgramAmplitudesInMilliamps")
                continue
            }
            placed.append((time, record, amplitudes))
        }
        placed.sort { $0.time < $1.time }
        for (time, record, amplitudes) in placed {
            while let next = programEvents.first, next.time <= time {
                if case .program(let slot, let program, _) = next.event { running[slot.number] = program.amplitude }
                programEvents.removeFirst()
            }
            guard let moment = timeline.state(at: time), let group = moment.state.activeGroup else {
                note(
                    .skipped, record, time, "no settings state with an active group at this time: amplitudes not placed"
                )
                continue
            }
            for (program, value) in amplitudes.prefix(4).enumerated() {
                let slot = RCSState.slot(group: group, program: program)
                // Only a slot holding written settings has an amplitude to change.
                guard !moment.state.groups[group].programs[program].isDisabled, let current = running[slot],
                    let amplitude = value.quantity(Nanoamps.self), current != amplitude,
                    let recorded = Slot(number: slot)
                else { continue }
                running[slot] = amplitude
                events.append(
                    ImportedEvent(
                        time: time, event: .amplitude(slot: recorded, amplitude: amplitude, by: .device),
                        source: record.source))
            }
        }
        if rollovers > 0 {
            notes.append(
                ImportNote(
                    .reading, file: RCSFile.adaptiveLog.name,
                    "systemTick rolled over \(rollovers) time\(rollovers == 1 ? "" : "s") (16 bits of 100 µs); "
                        + "counted forward across each"))
        }
        if ramping > 0 {
            notes.append(
                ImportNote(
                    .inexpressible, file: RCSFile.adaptiveLog.name,
                    "\(ramping) record\(ramping == 1 ? "" : "s") show a program ramping (StimFlags): a recording "
                        + "holds no ramps, so each ramp is its sampled amplitudes, held between samples"))
        }
    }

    private mutating func note(_ kind: ImportNote.Kind, _ record: RCSRecord, _ time: Timestamp?, _ message: String) {
        notes.append(ImportNote(kind, file: record.file.name, record: record.index, time: time, message))
    }
}
