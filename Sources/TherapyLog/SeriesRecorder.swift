import RecordingFormat
import StimSafety

/// Builds a recording's ``RecordingSeries`` while ``TherapyAnalyzer`` folds its events: tallies per
/// calendar period and per hour of the first hours (``DayBuckets``), bounded whatever the span.
struct SeriesRecorder: Sendable {
    /// The local days the buckets count in.
    private var clock: LocalDayClock
    private let firstDay: Int64
    /// Therapy per local day (in UTC the report's UTC days too, which the analyzer then does not count).
    private var usage: DailyUsage
    /// Therapy per local hour over the first hours.
    private var hourly: HourlyUsage
    /// The buckets of the first ``RecordingSeries/slotLimit`` slots seen, so that memory stays bounded.
    private var amplitude: [Slot: DayBuckets<AmplitudeTally>] = [:]
    private var impedance: ImpedanceSeries
    private var battery: DayBuckets<BatteryTally>
    private var charging: DayBuckets<ChargingTally>
    /// What the slot and day updated last gathered since, not yet in ``amplitude``'s days: most amplitude
    /// updates in a row are the active slot's on one day (therapy delivered between two events), and
    /// gather here without a look-up. Merged in when another slot or day is updated.
    private var openAmplitude: (slot: Slot, day: Int64, tally: AmplitudeTally)?

    /// A recorder for a recording from `start`, in the days of `zone`, charting the impedance of
    /// `leadContacts`.
    init(start: Timestamp, zone: ReportZone, leadContacts: LeadContacts) {
        clock = LocalDayClock(zone)
        let firstDay = clock.day(of: start)
        self.firstDay = firstDay
        usage = DailyUsage(firstDay: firstDay)
        hourly = HourlyUsage(start: start, zone: zone)
        impedance = ImpedanceSeries(firstDay: firstDay, contacts: leadContacts)
        battery = DayBuckets(firstDay: firstDay)
        charging = DayBuckets(firstDay: firstDay)
    }

    /// A slot's amplitude was set (a program written or an `amplitude` event) at `time`.
    mutating func set(slot: Slot, amplitude value: Nanoamps, range: PatientRange?, at time: Timestamp) {
        updateAmplitude(slot: slot, day: clock.day(of: time)) { $0.include(value, range: range) }
        if let hour = hourly.hour(of: time) {
            updateAmplitude(slot: slot, hour: hour) { $0.include(value, range: range) }
        }
    }

    /// A slot delivered therapy at `value` over `[from, to)`.
    @inline(__always)
    mutating func delivered(slot: Slot, amplitude value: Nanoamps, range: PatientRange?, from: Timestamp, to: Timestamp)
    {
        if from.nanosecondsSinceEpoch < hourly.end {
            hourly.add(from: from, to: to)
            let hours = hourly
            hours.forEachHour(from: from, to: to) { hour, nanoseconds in
                updateAmplitude(slot: slot, hour: hour) {
                    $0.deliver(value, range: range, for: nanoseconds)
                }
            }
        }
        // A copy walks the days, so that the body may change the recorder.
        var days = clock
        days.forEachDay(from: from, to: to) { day, nanoseconds in
            usage.add(nanoseconds, onDay: day)
            updateAmplitude(slot: slot, day: day) { $0.deliver(value, range: range, for: nanoseconds) }
        }
        clock = days
    }

    /// An impedance measurement at `time`; only the contacts on the leads are kept.
    mutating func measured(_ measured: ImpedanceMeasurement, at time: Timestamp) {
        impedance.measured(measured, onDay: clock.day(of: time), hour: hourly.hour(of: time))
    }

    /// A battery sample at `time`.
    mutating func sampled(battery percent: Percent, at time: Timestamp) {
        battery.update(day: clock.day(of: time), empty: BatteryTally(percent)) { $0.include(percent) }
        if let hour = hourly.hour(of: time) {
            battery.update(hour: hour, empty: BatteryTally(percent)) { $0.include(percent) }
        }
    }

    /// A completed recharge session over `[from, to)`.
    mutating func charged(from: Timestamp, to: Timestamp) {
        charging.update(day: clock.day(of: from), empty: ChargingTally()) { $0.sessions += 1 }
        var days = clock
        days.forEachDay(from: from, to: to) { day, nanoseconds in
            charging.update(day: day, empty: ChargingTally()) { $0.nanoseconds += nanoseconds }
        }
        clock = days
        if let hour = hourly.hour(of: from) {
            charging.update(hour: hour, empty: ChargingTally()) { $0.sessions += 1 }
        }
        hourly.forEachHour(from: from, to: to) { hour, nanoseconds in
            charging.update(hour: hour, empty: ChargingTally()) { $0.nanoseconds += nanoseconds }
        }
    }

    /// Therapy per local day over `[start, end)`.
    func localDays(start: Timestamp, end: Timestamp) -> [DayUsage] {
        usage.days(start: start, end: end, in: clock.zone)
    }

    /// The usage timeline over `[start, end)`, whose local days are `localDays`.
    func timeline(start: Timestamp, end: Timestamp, localDays: [DayUsage]) -> UsageTimeline {
        UsageTimeline(start: start, end: end, localDays: localDays, hourly: hourly, zone: clock.zone)
    }

    /// The series in report units, by the periods of `timeline` (the report's, from ``timeline(start:end:localDays:)``).
    func series(by timeline: UsageTimeline) -> RecordingSeries {
        var settled = self
        settled.settleAmplitude()
        let amplitudes = settled.amplitude.sorted { $0.key < $1.key }.map { slot, buckets in
            RecordingSeries.ProgramAmplitude(
                slot: slot,
                buckets: buckets.periods(of: timeline).map { period, tally in
                    RecordingSeries.AmplitudeBucket(
                        period: period, minimum: milliamps(tally.minimum), maximum: milliamps(tally.maximum),
                        mean: tally.deliveredNanoseconds > 0
                            ? Double(converting: tally.weightedNanoamps) / Double(tally.deliveredNanoseconds)
                                / Double(Nanoamps.subunitsPerUnit) : nil,
                        patientRange: tally.rangeMinimum.flatMap { low in
                            tally.rangeMaximum.map { high in milliamps(min(low, high))...milliamps(max(low, high)) }
                        })
                })
        }
        return RecordingSeries(
            amplitude: amplitudes, impedance: impedance.series(by: timeline),
            battery: battery.periods(of: timeline).map { period, tally in
                RecordingSeries.Battery(
                    period: period, minimum: percent(tally.minimum), maximum: percent(tally.maximum),
                    last: percent(tally.last))
            },
            charging: charging.periods(of: timeline).map { period, tally in
                RecordingSeries.Charging(
                    period: period, hours: Hours.from(nanoseconds: tally.nanoseconds), sessions: tally.sessions)
            })
    }

    private mutating func updateAmplitude(slot: Slot, day: Int64, _ body: (inout AmplitudeTally) -> Void) {
        if openAmplitude?.slot != slot || openAmplitude?.day != day {
            settleAmplitude()
            openAmplitude = (slot, day, AmplitudeTally())
        }
        body(&openAmplitude!.tally)
    }

    /// Updates a slot's bucket of hour `hour` of ``hourly``'s hours.
    private mutating func updateAmplitude(slot: Slot, hour: Int, _ body: (inout AmplitudeTally) -> Void) {
        updateBuckets(of: slot) { $0.update(hour: hour, empty: AmplitudeTally(), body) }
    }

    /// Merges ``openAmplitude`` into its slot's buckets.
    private mutating func settleAmplitude() {
        guard let (slot, day, gathered) = openAmplitude.take() else { return }
        updateBuckets(of: slot) { $0.update(day: day, empty: AmplitudeTally()) { $0.merge(following: gathered) } }
    }

    /// Changes `slot`'s buckets with `body`, first making them when the slot is new and fewer than
    /// ``RecordingSeries/slotLimit`` slots are charted; a new slot past them is not charted. A slot
    /// charted already is found with one hash, its buckets changed in place.
    private mutating func updateBuckets(of slot: Slot, _ body: (inout DayBuckets<AmplitudeTally>) -> Void) {
        if let index = amplitude.index(forKey: slot) {
            body(&amplitude.values[index])
        } else if amplitude.count < RecordingSeries.slotLimit {
            var buckets = DayBuckets<AmplitudeTally>(firstDay: firstDay)
            body(&buckets)
            amplitude[slot] = buckets
        }
    }

    private func milliamps(_ raw: Int64) -> Double { Nanoamps(rawValue: raw).doubleValue }
    private func percent(_ raw: Int64) -> Double { Percent(rawValue: raw).doubleValue }
}

/// A slot's amplitude over a period.
private struct AmplitudeTally: DayTally {
    var minimum = Int64.max
    var maximum = Int64.min
    var deliveredNanoseconds: Int64 = 0
    var weightedNanoamps: Int128 = 0
    var rangeMinimum: Int64?
    var rangeMaximum: Int64?

    mutating func include(_ value: Nanoamps, range: PatientRange?) {
        minimum = min(minimum, value.rawValue)
        maximum = max(maximum, value.rawValue)
        if let range {
            rangeMinimum = min(rangeMinimum ?? .max, range.min.rawValue)
            rangeMaximum = max(rangeMaximum ?? .min, range.max.rawValue)
        }
    }

    mutating func deliver(_ value: Nanoamps, range: PatientRange?, for nanoseconds: Int64) {
        include(value, range: range)
        deliveredNanoseconds += nanoseconds
        weightedNanoamps += Int128(value.rawValue) * Int128(nanoseconds)
    }

    mutating func merge(following later: AmplitudeTally) {
        minimum = min(minimum, later.minimum)
        maximum = max(maximum, later.maximum)
        deliveredNanoseconds += later.deliveredNanoseconds
        weightedNanoamps += later.weightedNanoamps
        if let low = later.rangeMinimum { rangeMinimum = min(rangeMinimum ?? .max, low) }
        if let high = later.rangeMaximum { rangeMaximum = max(rangeMaximum ?? .min, high) }
    }
}

/// Battery samples over a period.
private struct BatteryTally: DayTally {
    var minimum: Int64
    var maximum: Int64
    var last: Int64

    init(_ first: Percent) {
        minimum = first.rawValue
        maximum = first.rawValue
        last = first.rawValue
    }

    mutating func include(_ percent: Percent) {
        minimum = min(minimum, percent.rawValue)
        maximum = max(maximum, percent.rawValue)
        last = percent.rawValue
    }

    mutating func merge(following later: BatteryTally) {
        minimum = min(minimum, later.minimum)
        maximum = max(maximum, later.maximum)
        last = later.last
    }
}

/// Recharging over a period.
private struct ChargingTally: DayTally {
    var nanoseconds: Int64 = 0
    var sessions = 0

    mutating func merge(following later: ChargingTally) {
        nanoseconds += later.nanoseconds
        sessions += later.sessions
    }
}
