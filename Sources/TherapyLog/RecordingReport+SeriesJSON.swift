import StimSafety

/// The `series` key of `analyze --json` (`docs/analysis-json.md`): what the HTML report's amplitude,
/// impedance and battery charts draw, by the periods of the report's `usage` timeline.
extension RecordingReport {
    /// The `series` object.
    var seriesJSON: JSONObject {
        JSONObject([
            "amplitude": series.amplitude.map { program in
                JSONObject([
                    "slot": program.slot.number,
                    "periods": program.buckets.map { bucket in
                        Self.spread(
                            bucket.period, bucket.minimum, bucket.maximum,
                            [
                                "mean": bucket.mean.map(Figure.init),
                                "patientRange": bucket.patientRange.map { range in
                                    JSONObject(["min": Figure(range.lowerBound), "max": Figure(range.upperBound)])
                                },
                            ])
                    },
                ])
            },
            "impedance": series.impedance.map { contact in
                JSONObject([
                    "contact": contact.contact,
                    "periods": contact.buckets.map { bucket in
                        Self.spread(
                            bucket.period, bucket.minimum, bucket.maximum,
                            ["mean": Figure(bucket.mean), "measurements": bucket.measurements])
                    },
                ])
            },
            "battery": series.battery.map { bucket in
                Self.spread(bucket.period, bucket.minimum, bucket.maximum, ["last": Figure(bucket.last)])
            },
            "charging": series.charging.map { bucket in
                JSONObject([
                    "start": bucket.period.start, "hours": Figure(bucket.hours), "sessions": bucket.sessions,
                ])
            },
        ])
    }

    /// A period's entry with its start, its lowest and highest value, and `members`.
    private static func spread(
        _ period: UsageTimeline.Period, _ lowest: Double, _ highest: Double,
        _ members: KeyValuePairs<String, any Encodable>
    ) -> JSONObject {
        let spread: KeyValuePairs<String, any Encodable> = [
            "start": period.start, "lowest": Figure(lowest), "highest": Figure(highest),
        ]
        return JSONObject(members: Array(spread) + members)
    }
}
