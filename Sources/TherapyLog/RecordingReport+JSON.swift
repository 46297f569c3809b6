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
            try json.member("adjustments", encoded: adjustments)
            try json.member("assumedFigures", encoded: assumedFigures)
            json.member("assumedProfileValues", strings: assumedProfileValues)
            json.object("attention", writeAttention)
            try json.member("batteryProjection", encoded: batteryProjection)
            json.object("charges") { entry in
                entry.member("count", charges.count)
                entry.member("meanIntervalHours", figure: charges.meanIntervalHours)
            }
            json.array("days") { Self.write(days, to: &$0) }
            json.member("daysWithTherapy", daysWithTherapy)
            json.member("deliveredCharge", figure: deliveredCharge)
            json.member("device", device)
            json.member("end", end.rfc3339)
            json.member("file", file)
            try json.member("findings", encoded: findings)
            json.member("impedanceAlerts", impedanceAlerts)
            if let imported { try json.member("import", encoded: imported) }
            json.array("localDays") { Self.write(localDays, to: &$0) }
            json.array("programSettings", writeProgramSettings)
            json.array("programs") { list in
                for program in programs {
                    list.object { entry in
                        entry.member("meanAmplitude", figure: program.meanAmplitude)
                        entry.member("slot", program.slot.number)
                        entry.member("therapyHours", figure: program.therapyHours)
                    }
                }
            }
            json.member("recordedHours", figure: recordedHours)
            try json.member("rejected", encoded: rejected)
            json.object("safety") { entry in
                entry.member("eventsWithErrors", safety.eventsWithErrors)
                entry.member("eventsWithWarnings", safety.eventsWithWarnings)
                entry.member("notEvaluated", strings: safety.notEvaluated.rules.map(\.name))
                entry.member("rules", strings: safety.rules.map(\.name))
            }
            json.member("serial", serial)
            json.object("series", writeSeries)
            json.member("start", start.rfc3339)
            json.member("therapyHours", figure: therapyHours)
            json.member("timeZone", timeZone.identifier)
            json.member("truncated", isTruncated)
            json.object("usage", writeUsage)
            json.member("usagePercent", figure: usagePercent)
        }
    }

    private func writeAttention(to entry: inout JSONTextWriter) {
        entry.array("items") { list in
            for item in attention.items {
                list.object { fields in
                    fields.member("assumed", strings: item.assumed)
                    fields.member("count", item.count)
                    fields.member("kind", item.kind.rawValue)
                    fields.member("line", item.line)
                    fields.member("message", item.message)
                    fields.member("rules", strings: item.rules)
                    fields.member("severity", item.isError ? "error" : "warning")
                    fields.member("slot", item.slot)
                    fields.member("time", item.time.rfc3339)
                }
            }
        }
        entry.member("needsAttention", !attention.isEmpty)
        entry.member("omitted", attention.omitted)
    }

    private func writeProgramSettings(to list: inout JSONTextWriter) {
        for written in programSettings {
            list.object { entry in
                entry.member("by", written.by.rawValue)
                entry.member("line", written.line)
                entry.key("program")
                entry.value(written.program.recordingValue)
                entry.member("slot", written.slot)
                entry.member("time", written.time.rfc3339)
                entry.member("writes", written.writes)
            }
        }
    }

    private func writeUsage(to entry: inout JSONTextWriter) {
        entry.member("granularity", usage.granularity.rawValue)
        entry.array("periods") { list in
            for period in usage.periods {
                list.object { fields in
                    fields.member("days", usage.granularity == .hour ? nil : period.days)
                    fields.member("start", period.start)
                    fields.member("therapyHours", figure: period.therapyHours)
                }
            }
        }
    }

    /// Writes `days` as the elements `{date, therapyHours}`.
    private static func write(_ days: [DayUsage], to list: inout JSONTextWriter) {
        for day in days {
            list.object { entry in
                entry.member("date", day.date)
                entry.member("therapyHours", figure: day.therapyHours)
            }
        }
    }
}
