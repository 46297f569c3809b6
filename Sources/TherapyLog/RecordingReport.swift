import RecordingFormat
import StimSafety

/// The analysis of one recording: the fields of `recording-format.md` §3, unrounded, plus a little
/// detail the human report shows (which contacts alerted, which events the safety rules flagged).
public struct RecordingReport: Hashable, Sendable {
    /// The file as the caller named it.
    public var file: String
    /// The header's device id.
    public var device: String
    /// The header's serial number.
    public var serial: String
    /// The header's start.
    public var start: Timestamp
    /// The `end` event's time, or the last event's when truncated.
    public var end: Timestamp
    /// Whether the `end` line was missing.
    public var isTruncated = false
    /// `end − start`, in hours.
    public var recordedHours = 0.0
    /// Time therapy was delivered (on, with an active slot holding a program), in hours.
    public var therapyHours = 0.0
    /// `100 × therapyHours / recordedHours`; nil when the span is empty.
    public var usagePercent: Double?
    /// Each UTC day the span intersects, in order.
    public var days: [DayUsage] = []
    /// Each slot that delivered therapy, by slot.
    public var programs: [ProgramUsage] = []
    /// `amplitude` events by the patient and by the clinician.
    public var adjustments = AdjustmentCounts()
    /// Commands the device refused.
    public var rejected = RejectionCounts()
    /// Recharge sessions.
    public var charges = ChargeSummary()
    /// The (measurement, lead contact) pairs outside the short/open thresholds, per contact.
    public var impedanceAlertsByContact: [ContactAlerts] = []
    /// Cathodic charge delivered, in coulombs.
    public var deliveredCharge = 0.0
    /// The re-validation of every `program` and `amplitude` event.
    public var safety = SafetySummary()
    /// What a clinician looks at first.
    public var attention = Attention()
    /// Each slot's program as last written, by slot.
    public var programSettings: [WrittenProgram] = []
    /// The reading findings, in line order.
    public var findings: [ReadingFinding] = []
    /// Bounded series for charts, by the periods of ``usage`` (the JSON report's `series`).
    public var series = RecordingSeries()
    /// The zone of ``localDays``, the series and every time the reports print.
    public var timeZone = ReportZone.utc
    /// Each day of ``timeZone`` the span intersects, in order: ``days`` again under UTC.
    public var localDays: [DayUsage] = []
    /// Therapy over time at the granularity the span calls for, in ``timeZone``.
    public var usage = UsageTimeline(granularity: .day, periods: [])
    /// The next recharge or replacement, estimated from the profile's battery model; nil without a
    /// battery sample or recorded time.
    public var batteryProjection: BatteryProjection?
    /// The fields of the profile judged against that it marks as assumed (set by ``markAssumed(_:)``).
    public private(set) var assumedProfileValues: [String] = []

    /// The figures resting on ``assumedProfileValues``, each with the fields it rests on:
    /// `batteryProjection`, `impedanceAlerts` (the short and open thresholds) and `safety` (the limits
    /// of every rule the re-validation judged by); a figure resting on none is absent.
    public private(set) var assumedFigures: [String: [String]] = [:]

    /// Records the profile's `assumed` fields, and marks the figures and attention items resting on them.
    public mutating func markAssumed(_ fields: [String]) {
        assumedProfileValues = fields
        if let restsOn = batteryProjection?.restsOn { batteryProjection?.assumed = restsOn.filter(fields.contains) }
        var figures = ["impedanceAlerts": RuleID.assumed([.impedance], among: fields)]
        figures["batteryProjection"] = batteryProjection?.assumed
        // Without a program written no event was judged, by any rule.
        if !programSettings.isEmpty {
            figures["safety"] = RuleID.assumed(
                RuleID.allCases.filter { !safety.notEvaluated.contains($0) }, among: fields)
        }
        assumedFigures = figures.filter { !$0.value.isEmpty }
        attention.markAssumed { item in
            switch item.kind {
            case .safety: RuleID.assumed(item.rules.compactMap { RuleID(name: $0) }, among: fields)
            case .impedance: RuleID.assumed([.impedance], among: fields)
            case .fault, .refusal, .battery: []
            }
        }
    }

    /// (Measurement, lead contact) pairs outside the short/open thresholds.
    public var impedanceAlerts: Int { impedanceAlertsByContact.reduce(0) { $0 + $1.shorts + $1.opens } }
    /// The number of days with therapy.
    public var daysWithTherapy: Int { days.count(where: { $0.therapyHours > 0 }) }
    /// The number of ``localDays`` with therapy.
    public var localDaysWithTherapy: Int { localDays.count(where: { $0.therapyHours > 0 }) }
    /// ``start`` on the local wall clock of ``timeZone``: the axis of the report's charts.
    public var wallStart: Timestamp { timeZone.wallClock(start) }
    /// ``end`` on the local wall clock of ``timeZone``.
    public var wallEnd: Timestamp { timeZone.wallClock(end) }
    /// The span as the reports print it: `start → end` in ``timeZone``, with its offset.
    public var spanText: String { "\(timeZone.rfc3339(start)) → \(timeZone.rfc3339(end))" }
}
