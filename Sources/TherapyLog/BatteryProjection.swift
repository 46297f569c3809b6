import RecordingFormat
import StimSafety

/// When the battery is next due, estimated from the profile's battery model (`safety-rules.md` §3):
/// the next recharge of a rechargeable cell (its usable fraction spent) or the replacement of a primary
/// cell (empty), from the last recorded level, drained as the recorded levels fell since the last
/// recharge, or else at the battery current the model gives for the recent mean stimulation current.
public struct BatteryProjection: Hashable, Sendable {
    /// What falls due.
    public enum Event: String, Sendable {
        case recharge, replacement
    }

    public var event: Event
    /// When it is due; the level's time when it is already due.
    public var date: Timestamp
    /// The last recorded level, in percent, and when it was recorded.
    public var level: Double
    public var levelAt: Timestamp
    /// The drain, in percent of the capacity per day.
    public var drainPercentPerDay: Double
    /// Whether the drain was seen in the recorded levels (else the model gave it).
    public var isDrainObserved = false
    /// Where the recent mean stimulation current was measured from: the end of the last recharge, or
    /// the recording's start.
    public var since: Timestamp
    /// The profile's battery fields the estimate rests on that the profile marks as assumed.
    public var assumed: [String] = []
}

extension BatteryProjection {
    /// The projection from `level` percent at `levelAt`, draining `observed` percent a day (as the
    /// recorded levels fell) or else as the model does with `charge` coulombs delivered over
    /// `[since, until)`; nil when neither gives a drain.
    init?(
        model: BatteryModel, level: Percent, levelAt: Timestamp, observed: Double?, charge: Double,
        since: Timestamp, until: Timestamp
    ) {
        let percent = level.doubleValue
        var perDay = observed
        if perDay == nil, until > since {
            let seconds = Double(until.nanoseconds(since: since)) / Double(Timestamp.nanosecondsPerSecond)
            // Coulombs per second is amperes; the model counts in µA and mAh.
            let current = model.batteryCurrent(stimulationCurrent: charge / seconds * 1e6)
            perDay = current * 24 / (model.capacity * 1_000) * 100
        }
        guard let perDay, perDay > 0, perDay.isFinite else { return nil }
        let reserve = model.kind == .rechargeable ? 100 * (1 - model.usableFraction) : 0
        let days = max(percent - reserve, 0) / perDay
        self.init(
            event: model.kind == .rechargeable ? .recharge : .replacement,
            date: levelAt.advanced(by: .nanoseconds(Int64(min(days * 86_400e9, 9e18)))), level: percent,
            levelAt: levelAt, drainPercentPerDay: perDay, isDrainObserved: observed != nil, since: since)
    }

    /// The profile fields (by path) the estimate rests on: the reserve of a rechargeable cell, and the
    /// model's constants when the model gave the drain.
    public var restsOn: [String] {
        var fields = event == .recharge ? ["battery.usableFraction"] : []
        if !isDrainObserved {
            fields += ["battery.capacity", "battery.quiescentCurrent", "battery.efficiency", "battery.cellVoltage"]
            fields.append("battery.minimumStimVoltage")
        }
        return fields
    }

    /// Percent a day the level fell from `first` to `last`; nil unless it fell over some time.
    static func fall(from first: (percent: Percent, at: Timestamp)?, to last: (percent: Percent, at: Timestamp)?)
        -> Double?
    {
        guard let first, let last, first.at < last.at, first.percent > last.percent else { return nil }
        let days = Double(last.at.nanoseconds(since: first.at)) / Double(Timestamp.nanosecondsPerDay)
        return (first.percent.doubleValue - last.percent.doubleValue) / days
    }
}

extension BatteryProjection: Encodable {
    private enum Keys: String, CodingKey {
        case event, date, level, levelAt, drainPercentPerDay, drain, since, basis, assumed
    }

    /// Instants in UTC, as every instant of the JSON report.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(event.rawValue, forKey: .event)
        try container.encode(date.rfc3339, forKey: .date)
        try container.encode(Figure(level), forKey: .level)
        try container.encode(levelAt.rfc3339, forKey: .levelAt)
        // An estimate: four decimals of a percent a day are more than the model can tell.
        try container.encode(Figure((drainPercentPerDay * 10_000).rounded() / 10_000), forKey: .drainPercentPerDay)
        try container.encode(isDrainObserved ? "observed" : "model", forKey: .drain)
        try container.encode(since.rfc3339, forKey: .since)
        try container.encode(Self.basis, forKey: .basis)
        try container.encode(assumed, forKey: .assumed)
    }

    /// What the figure is: said wherever it is shown.
    public static let basis = "estimate from the profile's battery model"
}
