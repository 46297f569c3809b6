import RecordingFormat
import StimSafety

/// Folds a recording's events, one at a time, into the analysis of `recording-format.md` §3.
///
/// The state at any instant is what §3 names: therapy on or off, the active slot, each slot's
/// program and running amplitude. Between two events that state holds over the half-open interval
/// `[previous, next)`; therapy counts as delivered only while it is on and the active slot holds a
/// program. Nothing is kept per event: only running totals, one counter per day, and the first
/// flagged events.
public struct TherapyAnalyzer: Sendable {
    /// A program slot's state.
    struct StoredProgram: Sendable {
        /// The program written, at the running amplitude, which `amplitude` events change.
        var program: StimProgram
        /// Pulses per second after burst and cycling (`safety-rules.md` §3).
        var pulseRate: Double?
    }

    /// What ``advance(to:)`` reads of the active slot, kept apart so that it copies and looks up nothing.
    struct Delivery: Sendable {
        var amplitude: Nanoamps
        var range: PatientRange?
        var pulseWidth: Nanoseconds
        var pulseRate: Double?
        /// What the slot delivered since it became the active one, not yet added to ``totals``.
        var delivered: ProgramUsage
        var slot: Slot { delivered.slot }
    }

    private let header: RecordingHeader
    private let limits: DeviceLimits
    private let leadContacts: LeadContacts

    private var now: Timestamp
    /// Where the span of unchanged delivery that ends at ``now`` starts: everything before it is accounted.
    private var spanStart: Timestamp
    private var isTherapyOn = false
    private var activeSlot: Slot?
    /// The slots written, except the active one while ``activeState`` holds it.
    private var slots: [Slot: StoredProgram] = [:]
    /// The active slot's state while it holds a program, held apart from the other slots: the
    /// `amplitude` events, which mostly adjust the active slot, change and check it without a look-up.
    private var activeState: StoredProgram?
    /// The send gate's latest answers for ``activeState``'s program, and the gate prepared for it;
    /// forgotten when the active slot, its program or the measured impedances change.
    private var activeVerdicts = AmplitudeVerdicts()
    /// The active slot's ``Delivery`` while it holds a program, else nil.
    private var delivery: Delivery?
    private var totals: [Slot: ProgramUsage] = [:]
    private var therapyNanoseconds: Int64 = 0
    /// Therapy per UTC day when the report's days are another zone's; in UTC the series counts them.
    private var utcDaily: DailyUsage?
    /// The report's totals and blocks the events add to as they come; the rest is made by ``finish(_:)``.
    private var report: RecordingReport
    private var impedances = MeasuredImpedances.none
    private var alertsByContact: [Int: ContactAlerts] = [:]
    /// Slots holding a program whose contacts the source did not give: their contact rules are not evaluated.
    private var contactsUnknown: Set<Slot> = []
    private var written: [Slot: WrittenProgram] = [:]
    /// The lowest battery level recorded, with its line and time.
    private var lowestBattery: (percent: Percent, line: Int, time: Timestamp)?
    private var series: SeriesRecorder
    /// The first and the last battery sample since the last recharge, for the battery projection.
    private var firstBattery: (percent: Percent, at: Timestamp)?
    private var lastBattery: (percent: Percent, at: Timestamp)?
    /// How fast the level fell before the last recharge, in percent a day.
    private var previousFall: Double?
    /// Where the projection's recent drain is measured from (the last recharge's end, else the start)
    /// and the charge delivered before then.
    private var recentDrain: (since: Timestamp, charge: Double)

    /// Starts the analysis of the recording `file` with `header`, judged against `limits`, its days
    /// counted in `zone` as well as in UTC.
    public init(file: String, header: RecordingHeader, limits: DeviceLimits, zone: ReportZone = .utc) {
        self.header = header
        report = RecordingReport(
            file: file, device: header.device, serial: header.serial, start: header.start, end: header.start,
            timeZone: zone)
        self.limits = limits
        leadContacts = LeadContacts(limits)
        now = header.start
        spanStart = header.start
        utcDaily = zone.isUTC ? nil : DailyUsage(firstDay: header.start.dayNumber)
        series = SeriesRecorder(start: header.start, zone: zone, leadContacts: leadContacts)
        recentDrain = (header.start, 0)
    }

    /// Takes the next item the reader handed on.
    public mutating func consume(_ item: consuming RecordingItem) {
        switch consume item {
        case .finding(let finding): report.findings.append(finding)
        case .event(let recorded):
            advance(to: recorded.appliedAt)
            apply(recorded.event, line: recorded.line, at: recorded.appliedAt)
        }
    }

    /// Takes the next item of an import; `contactsUnknown` says that a `program` event's contacts were
    /// not in the source (its map is empty), so that its slot's contact rules are reported as not
    /// evaluated, not as broken, until a program with known contacts is written to the slot.
    public mutating func consume(_ item: consuming RecordingItem, contactsUnknown isUnknown: Bool) {
        if case .event(let recorded) = item, case .program(let slot, _, _) = recorded.event {
            if isUnknown { contactsUnknown.insert(slot) } else { contactsUnknown.remove(slot) }
        }
        consume(item)
    }

    /// Closes the span where the reader says and returns the report.
    public mutating func finish(_ outcome: ReadingOutcome) -> RecordingReport {
        advance(to: outcome.end)
        closeSpan()
        noteBattery()
        settleDelivery()
        let end = max(outcome.end, header.start)
        let recorded = end.nanoseconds(since: header.start)
        let localDays = series.localDays(start: header.start, end: end)
        let days = utcDaily?.days(start: header.start, end: end, in: .utc) ?? localDays
        let usage = series.timeline(start: header.start, end: end, localDays: localDays)
        report.end = end
        report.isTruncated = outcome.isTruncated
        report.recordedHours = Hours.from(nanoseconds: recorded)
        report.therapyHours = Hours.from(nanoseconds: therapyNanoseconds)
        report.usagePercent = recorded > 0 ? 100 * Double(therapyNanoseconds) / Double(recorded) : nil
        report.days = days
        report.programs = totals.keys.sorted().compactMap { totals[$0] }
        report.impedanceAlertsByContact = alertsByContact.keys.sorted().compactMap { alertsByContact[$0] }
        report.programSettings = written.keys.sorted().compactMap { written[$0] }
        report.series = series.series(by: usage)
        report.localDays = localDays
        report.usage = usage
        report.batteryProjection = lastBattery.flatMap { sample in
            BatteryProjection(
                model: limits.battery, level: sample.percent, levelAt: sample.at,
                observed: BatteryProjection.fall(from: firstBattery, to: lastBattery) ?? previousFall,
                charge: report.deliveredCharge - recentDrain.charge, since: recentDrain.since, until: end)
        }
        return report
    }

    /// Moves to `time`: the state holds over `[now, time)`, accounted for by ``closeSpan()`` once
    /// something it depends on changes.
    private mutating func advance(to time: Timestamp) {
        if time > now { now = time }
    }

    /// Accounts for the state holding over `[spanStart, now)`; called before therapy, the active slot or
    /// its amplitude or program changes, so that the many events that change none of them (battery
    /// samples, measurements, refusals) do not split the span.
    private mutating func closeSpan() {
        guard now > spanStart else { return }
        defer { spanStart = now }
        guard isTherapyOn, let slot = delivery else { return }
        let duration = now.nanoseconds(since: spanStart)
        therapyNanoseconds += duration
        if utcDaily != nil {
            Timestamp.forEachDay(from: spanStart, to: now) { day, nanoseconds in
                utcDaily?.add(nanoseconds, onDay: day)
            }
        }
        series.delivered(slot: slot.slot, amplitude: slot.amplitude, range: slot.range, from: spanStart, to: now)
        delivery?.delivered.add(duration, at: slot.amplitude)
        // A (nA → A) × s (ns → s) × 1/s × s (ns → s): three factors of 1e-9.
        let pulses = slot.pulseRate ?? 0
        report.deliveredCharge +=
            Double(slot.amplitude.rawValue) * Double(slot.pulseWidth.rawValue) * pulses * Double(duration) * 1e-27
    }

    private mutating func apply(_ event: consuming RecordingEvent, line: Int, at time: Timestamp) {
        switch consume event {
        case .program(let slot, let program, let by):
            written[slot] = WrittenProgram(
                slot: slot.number, program: program, by: by, line: line, time: time,
                writes: (written[slot]?.writes ?? 0) + 1)
            let fired = limits.firedRules(program, context: context(slot: slot))
            releaseDelivery()
            slots[slot] = StoredProgram(program: program, pulseRate: program.pulseRate)
            holdDelivery()
            flag(program, type: "program", slot: slot, fired: judged(fired, slot: slot), line: line, at: time)
            series.set(slot: slot, amplitude: program.amplitude, range: program.patientRange, at: time)
        case .activate(let slot, _):
            releaseDelivery()
            activeSlot = slot
            holdDelivery()
        case .therapy(let isOn, _):
            closeSpan()
            isTherapyOn = isOn
        case .amplitude(let slot, let amplitude, let role):
            switch role {
            case .patient: report.adjustments.patient += 1
            case .clinician: report.adjustments.clinician += 1
            case .device: report.adjustments.device += 1
            }
            let fired: FiredRules?
            if slot == delivery?.slot, activeState != nil {
                closeSpan()
                delivery?.amplitude = amplitude
                activeState!.program.amplitude = amplitude
                series.set(slot: slot, amplitude: amplitude, range: activeState!.program.patientRange, at: time)
                if let known = activeVerdicts.refusal(at: amplitude) {
                    fired = known
                } else {
                    fired = activeVerdicts.judge(activeState!.program, context: context(slot: slot), limits: limits)
                }
                guard let fired else { return }
                flag(
                    activeState!.program, type: "amplitude", slot: slot, fired: judged(fired, slot: slot), line: line,
                    at: time)
            } else {
                guard let index = slots.index(forKey: slot) else { return }
                slots.values[index].program.amplitude = amplitude
                series.set(
                    slot: slot, amplitude: amplitude, range: slots.values[index].program.patientRange, at: time)
                fired = limits.refusal(of: slots.values[index].program, context: context(slot: slot))
                guard let fired else { return }
                flag(
                    slots.values[index].program, type: "amplitude", slot: slot, fired: judged(fired, slot: slot),
                    line: line, at: time)
            }
        case .impedance(let measured):
            impedances.replace(with: measured)
            activeVerdicts = AmplitudeVerdicts()
            countAlerts(measured, line: line, at: time)
            series.measured(measured, at: time)
        case .charge(.start):
            report.charges.start(at: time)
            previousFall = BatteryProjection.fall(from: firstBattery, to: lastBattery) ?? previousFall
        case .charge(.end):
            guard let start = report.charges.end() else { return }
            series.charged(from: start, to: time)
            closeSpan()
            recentDrain = (time, report.deliveredCharge)
            firstBattery = nil
        case .battery(let percent):
            series.sampled(battery: percent, at: time)
            lastBattery = (percent, time)
            if firstBattery == nil { firstBattery = lastBattery }
            if percent < lowestBattery?.percent ?? Percent(units: Int64(Attention.lowBatteryPercent) + 1) {
                lowestBattery = (percent, line, time)
            }
        case .rejected(let command):
            report.rejected.count(naming: command.rules)
            noteRefusal(command, line: line, at: time)
        case .fault(let code, let detail):
            report.attention.note(
                .fault, what: code, detail: detail, isError: true, rules: [], line: line, time: time
            ) { detail.map { "\(code): \($0)" } ?? code }
        case .end: break
        }
    }

    /// Counts a re-validated event in the safety summary and the attention block.
    private mutating func flag(
        _ program: StimProgram, type: String, slot: Slot, fired: FiredRules, line: Int, at time: Timestamp
    ) {
        report.safety.record(line: line, slot: slot, type: type, fired: fired)
        report.attention.flagged(program, type: type, slot: slot.number, fired: fired, line: line, time: time)
    }

    /// Adds a refused command to the attention block, judged against its slot's program.
    private mutating func noteRefusal(_ command: RejectedCommand, line: Int, at time: Timestamp) {
        let request = command.refusedRequest
        let slot: Int? =
            switch request {
            case .write(let number, _, _), .activate(let number): number
            case .amplitude(let number, _): number ?? activeSlot?.number
            case .therapy, nil: nil
            }
        let program = slot.flatMap(Slot.init(number:)).flatMap { number in
            delivery?.slot == number ? activeState?.program : slots[number]?.program
        }
        report.attention.refused(
            command, request: request, slot: slot, program: program, line: line, time: time, limits: limits,
            impedances: impedances)
    }

    /// Adds the lowest battery level to the attention block when it is low.
    private mutating func noteBattery() {
        guard let lowest = lowestBattery else { return }
        report.attention.battery(lowest: lowest.percent, line: lowest.line, time: lowest.time)
    }

    /// `fired` without the contact rules when `slot`'s contacts are unknown, which are then not evaluated.
    private mutating func judged(_ fired: FiredRules, slot: Slot) -> FiredRules {
        guard !contactsUnknown.isEmpty, contactsUnknown.contains(slot) else { return fired }
        report.safety.notEvaluated.formUnion(SafetySummary.contactRules)
        var kept = fired
        kept.errors.subtract(SafetySummary.contactRules)
        kept.warnings.subtract(SafetySummary.contactRules)
        return kept
    }

    /// Adds what the active slot delivered to its ``totals``.
    private mutating func settleDelivery() {
        guard let delivered = delivery?.delivered, delivered.nanoseconds > 0, let slot = delivery?.slot else { return }
        totals[slot, default: ProgramUsage(slot: slot)].add(delivered)
        delivery?.delivered = ProgramUsage(slot: slot)
    }

    /// Puts the active slot's state back with the others and ends its ``delivery``, settled.
    private mutating func releaseDelivery() {
        closeSpan()
        settleDelivery()
        if let number = delivery.take()?.slot, let state = activeState.take() { slots[number] = state }
    }

    /// Holds the active slot's state apart from the others and starts its ``delivery``, if it holds
    /// a program.
    private mutating func holdDelivery() {
        guard let number = activeSlot, let state = slots.removeValue(forKey: number) else { return }
        activeState = state
        activeVerdicts = AmplitudeVerdicts()
        delivery = Delivery(
            amplitude: state.program.amplitude, range: state.program.patientRange,
            pulseWidth: state.program.pulseWidth, pulseRate: state.pulseRate, delivered: ProgramUsage(slot: number))
    }

    /// The context of every validation of `slot`: the latest measured impedances, nothing acknowledged,
    /// no slew rule, and the slot (so that a slot in a profile's group is held to the group's limits).
    private func context(slot: Slot) -> ValidationContext {
        ValidationContext(impedances: impedances, runningAmplitude: nil, slot: slot)
    }

    private mutating func countAlerts(_ measured: ImpedanceMeasurement, line: Int, at time: Timestamp) {
        let thresholds = limits.impedance
        for lead in measured.leads where leadContacts.place(of: lead.number) != nil {
            let (number, ohms) = (lead.number, lead.ohms)
            let isShort = ohms < thresholds.short
            let isOpen = ohms > thresholds.open
            guard isShort || isOpen else { continue }
            var alerts = alertsByContact[number] ?? ContactAlerts(contact: number, shorts: 0, opens: 0)
            if isShort { alerts.shorts += 1 } else { alerts.opens += 1 }
            alertsByContact[number] = alerts
            let state = isShort ? "short" : "open"
            report.attention.note(
                .impedance, what: state, contact: number, isError: false, rules: [], line: line, time: time
            ) {
                let threshold =
                    isShort
                    ? "below the short threshold \(thresholds.short)" : "above the open threshold \(thresholds.open)"
                return "contact \(number) \(state): \(ohms), \(threshold)"
            }
        }
    }
}
