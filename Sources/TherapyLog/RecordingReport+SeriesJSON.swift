import RecordingFormat
import StimSafety

/// The `series` key of `analyze --json` (`docs/analysis-json.md`): what the HTML report's amplitude,
/// impedance and battery charts draw, by the periods of the report's `usage` timeline.
extension RecordingReport {
    /// Writes the members of the `series` object.
    func writeSeries(to entry: inout JSONTextWriter) {
        entry.array("amplitude") { slots in
            for program in series.amplitude {
                slots.object { slot in
                    slot.array("periods") { periods in
                        for bucket in program.buckets {
                            periods.object { period in
                                period.member("highest", figure: bucket.maximum)
                                period.member("lowest", figure: bucket.minimum)
                                period.member("mean", figure: bucket.mean)
                                if let range = bucket.patientRange {
                                    period.object("patientRange") { limits in
                                        limits.member("max", figure: range.upperBound)
                                        limits.member("min", figure: range.lowerBound)
                                    }
                                } else {
                                    period.member("patientRange", nil)
                                }
                                period.member("start", bucket.period.start)
                            }
                        }
                    }
                    slot.member("slot", program.slot.number)
                }
            }
        }
        entry.array("battery") { periods in
            for bucket in series.battery {
                periods.object { period in
                    period.member("highest", figure: bucket.maximum)
                    period.member("last", figure: bucket.last)
                    period.member("lowest", figure: bucket.minimum)
                    period.member("start", bucket.period.start)
                }
            }
        }
        entry.array("charging") { periods in
            for bucket in series.charging {
                periods.object { period in
                    period.member("hours", figure: bucket.hours)
                    period.member("sessions", bucket.sessions)
                    period.member("start", bucket.period.start)
                }
            }
        }
        entry.array("impedance") { contacts in
            for contact in series.impedance {
                contacts.object { object in
                    object.member("contact", contact.contact)
                    object.array("periods") { periods in
                        for bucket in contact.buckets {
                            periods.object { period in
                                period.member("highest", figure: bucket.maximum)
                                period.member("lowest", figure: bucket.minimum)
                                period.member("mean", figure: bucket.mean)
                                period.member("measurements", bucket.measurements)
                                period.member("start", bucket.period.start)
                            }
                        }
                    }
                }
            }
        }
    }
}
