import RecordingFormat
import StimSafety

/// The JSON object of `recording-format.md` §3: its fields (the time zone's in +TimeJSON), unrounded, with `null` written
/// out where a figure is undefined.
extension RecordingReport: Encodable {
    private enum Keys: String, CodingKey {
        case file, device, serial, start, end, truncated, recordedHours, therapyHours, usagePercent, days
        case daysWithTherapy, programs, adjustments, rejected, charges, impedanceAlerts, deliveredCharge, safety
        case findings
    }

    private enum DayKeys: String, CodingKey { case date, therapyHours }
    private enum ProgramKeys: String, CodingKey { case slot, therapyHours, meanAmplitude }
    private enum AdjustmentKeys: String, CodingKey { case patient, clinician, device }
    private enum RejectedKeys: String, CodingKey { case total, byRule }
    private enum ChargeKeys: String, CodingKey { case count, meanIntervalHours }
    private enum SafetyKeys: String, CodingKey { case eventsWithErrors, eventsWithWarnings, rules, notEvaluated }
    private enum FindingKeys: String, CodingKey { case line, kind, message }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(file, forKey: .file)
        try container.encode(device, forKey: .device)
        try container.encode(serial, forKey: .serial)
        try container.encode(start.rfc3339, forKey: .start)
        try container.encode(end.rfc3339, forKey: .end)
        try container.encode(isTruncated, forKey: .truncated)
        try container.encode(recordedHours, forKey: .recordedHours)
        try container.encode(therapyHours, forKey: .therapyHours)
        try container.encode(usagePercent, forKey: .usagePercent)
        var dayList = container.nestedUnkeyedContainer(forKey: .days)
        for day in days {
            var entry = dayList.nestedContainer(keyedBy: DayKeys.self)
            try entry.encode(day.date, forKey: .date)
            try entry.encode(day.therapyHours, forKey: .therapyHours)
        }
        try container.encode(daysWithTherapy, forKey: .daysWithTherapy)
        var programList = container.nestedUnkeyedContainer(forKey: .programs)
        for program in programs {
            var entry = programList.nestedContainer(keyedBy: ProgramKeys.self)
            try entry.encode(program.slot, forKey: .slot)
            try entry.encode(program.therapyHours, forKey: .therapyHours)
            try entry.encode(program.meanAmplitude, forKey: .meanAmplitude)
        }
        var adjustmentEntry = container.nestedContainer(keyedBy: AdjustmentKeys.self, forKey: .adjustments)
        try adjustmentEntry.encode(adjustments.patient, forKey: .patient)
        try adjustmentEntry.encode(adjustments.clinician, forKey: .clinician)
        try adjustmentEntry.encode(adjustments.device, forKey: .device)
        var rejectedEntry = container.nestedContainer(keyedBy: RejectedKeys.self, forKey: .rejected)
        try rejectedEntry.encode(rejected.total, forKey: .total)
        try rejectedEntry.encode(rejected.byRule, forKey: .byRule)
        var chargeEntry = container.nestedContainer(keyedBy: ChargeKeys.self, forKey: .charges)
        try chargeEntry.encode(charges.count, forKey: .count)
        try chargeEntry.encode(charges.meanIntervalHours, forKey: .meanIntervalHours)
        try container.encode(impedanceAlerts, forKey: .impedanceAlerts)
        try container.encode(deliveredCharge, forKey: .deliveredCharge)
        var safetyEntry = container.nestedContainer(keyedBy: SafetyKeys.self, forKey: .safety)
        try safetyEntry.encode(safety.eventsWithErrors, forKey: .eventsWithErrors)
        try safetyEntry.encode(safety.eventsWithWarnings, forKey: .eventsWithWarnings)
        try safetyEntry.encode(safety.rules.map(\.name), forKey: .rules)
        try safetyEntry.encode(safety.notEvaluated.rules.map(\.name), forKey: .notEvaluated)
        var findingList = container.nestedUnkeyedContainer(forKey: .findings)
        for finding in findings {
            var entry = findingList.nestedContainer(keyedBy: FindingKeys.self)
            try entry.encode(finding.line, forKey: .line)
            try entry.encode(finding.kind.rawValue, forKey: .kind)
            try entry.encode(finding.message, forKey: .message)
        }
        try encodeTimes(to: encoder)
    }
}
