import StimSafety

/// The `series` key of `analyze --json` (`docs/analysis-json.md`): what the HTML report's amplitude,
/// impedance and battery charts draw, by the periods of the report's `usage` timeline.
extension RecordingReport {
    private enum SeriesKeys: String, CodingKey { case amplitude, impedance, battery, charging }
    private enum SlotKeys: String, CodingKey { case slot, periods }
    private enum ContactKeys: String, CodingKey { case contact, periods }
    private enum PeriodKeys: String, CodingKey {
        case start, lowest, highest, mean, patientRange, measurements, last, hours, sessions
    }
    private enum RangeKeys: String, CodingKey { case min, max }

    /// Writes the `series` object under `key` of `container`.
    func encodeSeries<Key: CodingKey>(in container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        var entry = container.nestedContainer(keyedBy: SeriesKeys.self, forKey: key)
        var slots = entry.nestedUnkeyedContainer(forKey: .amplitude)
        for program in series.amplitude {
            var slot = slots.nestedContainer(keyedBy: SlotKeys.self)
            try slot.encode(program.slot.number, forKey: .slot)
            var periods = slot.nestedUnkeyedContainer(forKey: .periods)
            for bucket in program.buckets {
                var period = try Self.spread(in: &periods, bucket.period, bucket.minimum, bucket.maximum)
                try period.encode(bucket.mean.map(Figure.init), forKey: .mean)
                if let range = bucket.patientRange {
                    var limits = period.nestedContainer(keyedBy: RangeKeys.self, forKey: .patientRange)
                    try limits.encode(Figure(range.lowerBound), forKey: .min)
                    try limits.encode(Figure(range.upperBound), forKey: .max)
                } else {
                    try period.encodeNil(forKey: .patientRange)
                }
            }
        }
        var contacts = entry.nestedUnkeyedContainer(forKey: .impedance)
        for contact in series.impedance {
            var object = contacts.nestedContainer(keyedBy: ContactKeys.self)
            try object.encode(contact.contact, forKey: .contact)
            var periods = object.nestedUnkeyedContainer(forKey: .periods)
            for bucket in contact.buckets {
                var period = try Self.spread(in: &periods, bucket.period, bucket.minimum, bucket.maximum)
                try period.encode(Figure(bucket.mean), forKey: .mean)
                try period.encode(bucket.measurements, forKey: .measurements)
            }
        }
        var levels = entry.nestedUnkeyedContainer(forKey: .battery)
        for bucket in series.battery {
            var period = try Self.spread(in: &levels, bucket.period, bucket.minimum, bucket.maximum)
            try period.encode(Figure(bucket.last), forKey: .last)
        }
        var charging = entry.nestedUnkeyedContainer(forKey: .charging)
        for bucket in series.charging {
            var period = charging.nestedContainer(keyedBy: PeriodKeys.self)
            try period.encode(bucket.period.start, forKey: .start)
            try period.encode(Figure(bucket.hours), forKey: .hours)
            try period.encode(bucket.sessions, forKey: .sessions)
        }
    }

    /// A period's entry with its start and its lowest and highest value.
    private static func spread(
        in list: inout any UnkeyedEncodingContainer, _ period: UsageTimeline.Period, _ lowest: Double,
        _ highest: Double
    ) throws -> KeyedEncodingContainer<PeriodKeys> {
        var entry = list.nestedContainer(keyedBy: PeriodKeys.self)
        try entry.encode(period.start, forKey: .start)
        try entry.encode(Figure(lowest), forKey: .lowest)
        try entry.encode(Figure(highest), forKey: .highest)
        return entry
    }
}
