import Foundation
import RecordingFormat
import StimSafety

/// The JSON object of `recording-format.md` §3, figures to 15 significant digits (``Figure``), with `null` written out where
/// a figure is undefined, and the keys `docs/analysis-json.md` adds (`attention`, the zone, its days, the usage timeline,
/// the battery projection, the series in +SeriesJSON, ...).
extension RecordingReport: Encodable {
    private enum Keys: String, CodingKey {
        case file, device, serial, start, end, truncated, recordedHours, therapyHours, usagePercent, days
        case daysWithTherapy, programs, adjustments, rejected, charges, impedanceAlerts, deliveredCharge, safety
        case findings, attention, programSettings, series
        case timeZone, localDays, usage, batteryProjection, assumedProfileValues, assumedFigures
    }

    private enum ProgramKeys: String, CodingKey { case slot, therapyHours, meanAmplitude }
    private enum ChargeKeys: String, CodingKey { case count, meanIntervalHours }
    private enum SafetyKeys: String, CodingKey { case eventsWithErrors, eventsWithWarnings, rules, notEvaluated }
    private enum AttentionKeys: String, CodingKey { case needsAttention, items, omitted }
    private enum SettingKeys: String, CodingKey { case slot, by, line, time, writes, program }
    private enum ItemKeys: String, CodingKey {
        case kind, severity, time, line, count, slot, rules, message, assumed
    }
    private enum DayKeys: String, CodingKey { case date, therapyHours }
    private enum UsageKeys: String, CodingKey { case granularity, periods }
    private enum PeriodKeys: String, CodingKey { case start, days, therapyHours }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(file, forKey: .file)
        try container.encode(device, forKey: .device)
        try container.encode(serial, forKey: .serial)
        try container.encode(start.rfc3339, forKey: .start)
        try container.encode(end.rfc3339, forKey: .end)
        try container.encode(isTruncated, forKey: .truncated)
        try container.encode(Figure(recordedHours), forKey: .recordedHours)
        try container.encode(Figure(therapyHours), forKey: .therapyHours)
        try container.encode(usagePercent.map(Figure.init), forKey: .usagePercent)
        try Self.encode(days, in: &container, forKey: .days)
        try container.encode(daysWithTherapy, forKey: .daysWithTherapy)
        var programList = container.nestedUnkeyedContainer(forKey: .programs)
        for program in programs {
            var entry = programList.nestedContainer(keyedBy: ProgramKeys.self)
            try entry.encode(program.slot.number, forKey: .slot)
            try entry.encode(Figure(program.therapyHours), forKey: .therapyHours)
            try entry.encode(Figure(program.meanAmplitude), forKey: .meanAmplitude)
        }
        try container.encode(adjustments, forKey: .adjustments)
        try container.encode(rejected, forKey: .rejected)
        var chargeEntry = container.nestedContainer(keyedBy: ChargeKeys.self, forKey: .charges)
        try chargeEntry.encode(charges.count, forKey: .count)
        try chargeEntry.encode(charges.meanIntervalHours.map(Figure.init), forKey: .meanIntervalHours)
        try container.encode(impedanceAlerts, forKey: .impedanceAlerts)
        try container.encode(Figure(deliveredCharge), forKey: .deliveredCharge)
        var safetyEntry = container.nestedContainer(keyedBy: SafetyKeys.self, forKey: .safety)
        try safetyEntry.encode(safety.eventsWithErrors, forKey: .eventsWithErrors)
        try safetyEntry.encode(safety.eventsWithWarnings, forKey: .eventsWithWarnings)
        try safetyEntry.encode(safety.rules.map(\.name), forKey: .rules)
        try safetyEntry.encode(safety.notEvaluated.rules.map(\.name), forKey: .notEvaluated)
        try container.encode(findings, forKey: .findings)
        var attentionEntry = container.nestedContainer(keyedBy: AttentionKeys.self, forKey: .attention)
        try attentionEntry.encode(!attention.isEmpty, forKey: .needsAttention)
        var itemList = attentionEntry.nestedUnkeyedContainer(forKey: .items)
        for item in attention.items {
            var entry = itemList.nestedContainer(keyedBy: ItemKeys.self)
            try entry.encode(item.kind.rawValue, forKey: .kind)
            try entry.encode(item.isError ? "error" : "warning", forKey: .severity)
            try entry.encode(item.time.rfc3339, forKey: .time)
            try entry.encode(item.line, forKey: .line)
            try entry.encode(item.count, forKey: .count)
            try entry.encode(item.slot, forKey: .slot)
            try entry.encode(item.rules, forKey: .rules)
            try entry.encode(item.message, forKey: .message)
            try entry.encode(item.assumed, forKey: .assumed)
        }
        try attentionEntry.encode(attention.omitted, forKey: .omitted)
        var settingList = container.nestedUnkeyedContainer(forKey: .programSettings)
        for written in programSettings {
            var entry = settingList.nestedContainer(keyedBy: SettingKeys.self)
            try entry.encode(written.slot, forKey: .slot)
            try entry.encode(written.by.rawValue, forKey: .by)
            try entry.encode(written.line, forKey: .line)
            try entry.encode(written.time.rfc3339, forKey: .time)
            try entry.encode(written.writes, forKey: .writes)
            try entry.encode(EncodedJSON(written.program.recordingValue), forKey: .program)
        }
        try encodeSeries(in: &container, forKey: .series)
        try container.encode(timeZone.identifier, forKey: .timeZone)
        try Self.encode(localDays, in: &container, forKey: .localDays)
        var usageEntry = container.nestedContainer(keyedBy: UsageKeys.self, forKey: .usage)
        try usageEntry.encode(usage.granularity.rawValue, forKey: .granularity)
        var periodList = usageEntry.nestedUnkeyedContainer(forKey: .periods)
        for period in usage.periods {
            var entry = periodList.nestedContainer(keyedBy: PeriodKeys.self)
            try entry.encode(period.start, forKey: .start)
            try entry.encode(usage.granularity == .hour ? nil : period.days, forKey: .days)
            try entry.encode(Figure(period.therapyHours), forKey: .therapyHours)
        }
        try container.encode(batteryProjection, forKey: .batteryProjection)
        try container.encode(assumedProfileValues, forKey: .assumedProfileValues)
        try container.encode(assumedFigures, forKey: .assumedFigures)
    }

    /// Writes `days` under `key` as a list of `{date, therapyHours}`, each in a nested container: an `Encodable`
    /// day costs the encoder a dynamic cast and an encoder of its own per day.
    private static func encode(
        _ days: [DayUsage], in container: inout KeyedEncodingContainer<Keys>, forKey key: Keys
    ) throws {
        var list = container.nestedUnkeyedContainer(forKey: key)
        for day in days {
            var entry = list.nestedContainer(keyedBy: DayKeys.self)
            try entry.encode(day.date, forKey: .date)
            try entry.encode(Figure(day.therapyHours), forKey: .therapyHours)
        }
    }
}

/// A JSON value read or made in the recording model, written back as it is: numbers from their
/// exact decimal text.
private struct EncodedJSON: Encodable {
    var value: JSONValue

    init(_ value: JSONValue) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        switch value {
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            for (key, member) in members { try container.encode(EncodedJSON(member), forKey: Key(key)) }
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(EncodedJSON(element)) }
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .number(let text):
            var container = encoder.singleValueContainer()
            try container.encode(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
