import RecordingFormat
import StimSafety

/// The JSON object of `recording-format.md` §3 and the keys `docs/analysis-json.md` adds (`attention`,
/// the zone, its days, the usage timeline, the battery projection, the series in +SeriesJSON, ...),
/// written as it goes: figures to 15 significant digits (``Figure``), `null` where a figure is
/// undefined, members in key order.
extension RecordingReport {
    /// Writes the report as one JSON object, with the import notes of a device log under `import`.
    public func writeJSON(to writer: inout JSONTextWriter, imported: (any Encodable)? = nil) throws {
        try writer.object { json in
            json.key("adjustments")
            try json.encoded(adjustments)
            json.key("assumedFigures")
            try json.encoded(assumedFigures)
            json.key("assumedProfileValues")
            json.strings(assumedProfileValues)
            json.key("attention")
            writeAttention(to: &json)
            json.key("batteryProjection")
            if let batteryProjection { try json.encoded(batteryProjection) } else { json.null() }
            json.key("charges")
            json.object { entry in
                entry.key("count")
                entry.integer(charges.count)
                entry.key("meanIntervalHours")
                entry.figure(charges.meanIntervalHours)
            }
            json.key("days")
            Self.write(days, to: &json)
            json.key("daysWithTherapy")
            json.integer(daysWithTherapy)
            json.key("deliveredCharge")
            json.figure(deliveredCharge)
            json.key("device")
            json.string(device)
            json.key("end")
            json.string(end.rfc3339)
            json.key("file")
            json.string(file)
            json.key("findings")
            try json.encoded(findings)
            json.key("impedanceAlerts")
            json.integer(impedanceAlerts)
            if let imported {
                json.key("import")
                try json.encoded(imported)
            }
            json.key("localDays")
            Self.write(localDays, to: &json)
            json.key("programSettings")
            writeProgramSettings(to: &json)
            json.key("programs")
            json.array { list in
                for program in programs {
                    list.object { entry in
                        entry.key("meanAmplitude")
                        entry.figure(program.meanAmplitude)
                        entry.key("slot")
                        entry.integer(program.slot.number)
                        entry.key("therapyHours")
                        entry.figure(program.therapyHours)
                    }
                }
            }
            json.key("recordedHours")
            json.figure(recordedHours)
            json.key("rejected")
            try json.encoded(rejected)
            json.key("safety")
            json.object { entry in
                entry.key("eventsWithErrors")
                entry.integer(safety.eventsWithErrors)
                entry.key("eventsWithWarnings")
                entry.integer(safety.eventsWithWarnings)
                entry.key("notEvaluated")
                entry.strings(safety.notEvaluated.rules.map(\.name))
                entry.key("rules")
                entry.strings(safety.rules.map(\.name))
            }
            json.key("serial")
            json.string(serial)
            json.key("series")
            writeSeries(to: &json)
            json.key("start")
            json.string(start.rfc3339)
            json.key("therapyHours")
            json.figure(therapyHours)
            json.key("timeZone")
            json.string(timeZone.identifier)
            json.key("truncated")
            json.bool(isTruncated)
            json.key("usage")
            writeUsage(to: &json)
            json.key("usagePercent")
            json.figure(usagePercent)
        }
    }

    private func writeAttention(to json: inout JSONTextWriter) {
        json.object { entry in
            entry.key("items")
            entry.array { list in
                for item in attention.items {
                    list.object { fields in
                        fields.key("assumed")
                        fields.strings(item.assumed)
                        fields.key("count")
                        fields.integer(item.count)
                        fields.key("kind")
                        fields.string(item.kind.rawValue)
                        fields.key("line")
                        fields.integer(item.line)
                        fields.key("message")
                        fields.string(item.message)
                        fields.key("rules")
                        fields.strings(item.rules)
                        fields.key("severity")
                        fields.string(item.isError ? "error" : "warning")
                        fields.key("slot")
                        if let slot = item.slot { fields.integer(slot) } else { fields.null() }
                        fields.key("time")
                        fields.string(item.time.rfc3339)
                    }
                }
            }
            entry.key("needsAttention")
            entry.bool(!attention.isEmpty)
            entry.key("omitted")
            entry.integer(attention.omitted)
        }
    }

    private func writeProgramSettings(to json: inout JSONTextWriter) {
        json.array { list in
            for written in programSettings {
                list.object { entry in
                    entry.key("by")
                    entry.string(written.by.rawValue)
                    entry.key("line")
                    entry.integer(written.line)
                    entry.key("program")
                    entry.value(written.program.recordingValue)
                    entry.key("slot")
                    entry.integer(written.slot)
                    entry.key("time")
                    entry.string(written.time.rfc3339)
                    entry.key("writes")
                    entry.integer(written.writes)
                }
            }
        }
    }

    private func writeUsage(to json: inout JSONTextWriter) {
        json.object { entry in
            entry.key("granularity")
            entry.string(usage.granularity.rawValue)
            entry.key("periods")
            entry.array { list in
                for period in usage.periods {
                    list.object { fields in
                        fields.key("days")
                        if usage.granularity == .hour { fields.null() } else { fields.integer(period.days) }
                        fields.key("start")
                        fields.string(period.start)
                        fields.key("therapyHours")
                        fields.figure(period.therapyHours)
                    }
                }
            }
        }
    }

    /// Writes `days` as a list of `{date, therapyHours}`.
    private static func write(_ days: [DayUsage], to json: inout JSONTextWriter) {
        json.array { list in
            for day in days {
                list.object { entry in
                    entry.key("date")
                    entry.string(day.date)
                    entry.key("therapyHours")
                    entry.figure(day.therapyHours)
                }
            }
        }
    }
}
