import RecordingFormat
import StimSafety

/// The `series` key of `analyze --json` (`docs/analysis-json.md`): what the HTML report's amplitude,
/// impedance and battery charts draw, by the periods of the report's `usage` timeline.
extension RecordingReport {
    /// Writes the `series` object.
    func writeSeries(to json: inout JSONTextWriter) {
        json.object { entry in
            entry.key("amplitude")
            entry.array { slots in
                for program in series.amplitude {
                    slots.object { slot in
                        slot.key("periods")
                        slot.array { periods in
                            for bucket in program.buckets {
                                periods.object { period in
                                    Self.writeSpread(bucket.minimum, bucket.maximum, to: &period)
                                    period.key("mean")
                                    period.figure(bucket.mean)
                                    period.key("patientRange")
                                    if let range = bucket.patientRange {
                                        period.object { limits in
                                            limits.key("max")
                                            limits.figure(range.upperBound)
                                            limits.key("min")
                                            limits.figure(range.lowerBound)
                                        }
                                    } else {
                                        period.null()
                                    }
                                    period.key("start")
                                    period.string(bucket.period.start)
                                }
                            }
                        }
                        slot.key("slot")
                        slot.integer(program.slot.number)
                    }
                }
            }
            entry.key("battery")
            entry.array { periods in
                for bucket in series.battery {
                    periods.object { period in
                        period.key("highest")
                        period.figure(bucket.maximum)
                        period.key("last")
                        period.figure(bucket.last)
                        period.key("lowest")
                        period.figure(bucket.minimum)
                        period.key("start")
                        period.string(bucket.period.start)
                    }
                }
            }
            entry.key("charging")
            entry.array { periods in
                for bucket in series.charging {
                    periods.object { period in
                        period.key("hours")
                        period.figure(bucket.hours)
                        period.key("sessions")
                        period.integer(bucket.sessions)
                        period.key("start")
                        period.string(bucket.period.start)
                    }
                }
            }
            entry.key("impedance")
            entry.array { contacts in
                for contact in series.impedance {
                    contacts.object { object in
                        object.key("contact")
                        object.integer(contact.contact)
                        object.key("periods")
                        object.array { periods in
                            for bucket in contact.buckets {
                                periods.object { period in
                                    Self.writeSpread(bucket.minimum, bucket.maximum, to: &period)
                                    period.key("mean")
                                    period.figure(bucket.mean)
                                    period.key("measurements")
                                    period.integer(bucket.measurements)
                                    period.key("start")
                                    period.string(bucket.period.start)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A period's highest and lowest value, the first two of its keys.
    private static func writeSpread(_ lowest: Double, _ highest: Double, to json: inout JSONTextWriter) {
        json.key("highest")
        json.figure(highest)
        json.key("lowest")
        json.figure(lowest)
    }
}
