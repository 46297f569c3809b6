import StimSafety

/// The analysis of one recording: the fields of `recording-format.md` §3, unrounded, plus a little
/// detail the human report shows (which contacts alerted, which events the safety rules flagged).
public struct RecordingReport: Hashable, Sendable {
    /// The file as the caller named it.
    public var file: String
    /// The header's device id.
    public var device: String
    public var serial: String
    /// The header's start.
    public var start: Timestamp
    /// The `end` event's time, or the last event's when truncated.
    public var end: Timestamp
    /// Whether the `end` line was missing.
    public var isTruncated: Bool
    /// `end − start`, in hours.
    public var recordedHours: Double
    /// Time therapy was delivered (on, with an active slot holding a program), in hours.
    public var therapyHours: Double
    /// `100 × therapyHours / recordedHours`; nil when the span is empty.
    public var usagePercent: Double?
    /// Each UTC day the span intersects, in order.
    public var days: [DayUsage]
    /// Each slot that delivered therapy, by slot.
    public var programs: [ProgramUsage]
    public var adjustments: AdjustmentCounts
    public var rejected: RejectionCounts
    public var charges: ChargeSummary
    /// (Measurement, lead contact) pairs outside the short/open thresholds.
    public var impedanceAlerts: Int
    /// The same alerts per contact, for the human report.
    public var impedanceAlertsByContact: [ContactAlerts]
    /// Cathodic charge delivered, in coulombs.
    public var deliveredCharge: Double
    public var safety: SafetySummary
    /// The reading findings, in line order.
    public var findings: [ReadingFinding]

    /// The number of days with therapy.
    public var daysWithTherapy: Int { days.count(where: { $0.therapyHours > 0 }) }
}

/// Therapy delivered on one UTC day.
public struct DayUsage: Hashable, Sendable {
    /// Days since 1970-01-01.
    public var dayNumber: Int64
    /// Hours of therapy within the day.
    public var therapyHours: Double

    public init(dayNumber: Int64, therapyHours: Double) {
        self.dayNumber = dayNumber
        self.therapyHours = therapyHours
    }

    /// The day as `YYYY-MM-DD`.
    public var date: String { CivilDate(dayNumber: dayNumber).isoDate }
}

/// Therapy delivered from one program slot.
public struct ProgramUsage: Hashable, Sendable {
    public var slot: Int
    public var therapyHours: Double
    /// The amplitude averaged over the slot's delivered time, in mA.
    public var meanAmplitude: Double

    public init(slot: Int, therapyHours: Double, meanAmplitude: Double) {
        self.slot = slot
        self.therapyHours = therapyHours
        self.meanAmplitude = meanAmplitude
    }
}

/// The number of `amplitude` events by each role that adjusts.
public struct AdjustmentCounts: Hashable, Sendable {
    public var patient = 0
    public var clinician = 0

    public init(patient: Int = 0, clinician: Int = 0) {
        self.patient = patient
        self.clinician = clinician
    }
}

/// The `rejected` events: how many, and per rule id how many named it.
public struct RejectionCounts: Hashable, Sendable {
    public var total = 0
    /// Rule ids as the device wrote them.
    public var byRule: [String: Int] = [:]

    public init(total: Int = 0, byRule: [String: Int] = [:]) {
        self.total = total
        self.byRule = byRule
    }
}

/// Recharge sessions (a `start` followed by an `end`).
public struct ChargeSummary: Hashable, Sendable {
    public var count: Int
    /// The mean time between consecutive session starts, in hours; nil with fewer than two sessions.
    public var meanIntervalHours: Double?

    public init(count: Int, meanIntervalHours: Double?) {
        self.count = count
        self.meanIntervalHours = meanIntervalHours
    }
}

/// Impedance alerts on one lead contact.
public struct ContactAlerts: Hashable, Sendable {
    public var contact: Int
    /// Measurements below the short threshold.
    public var shorts: Int
    /// Measurements above the open threshold.
    public var opens: Int

    public init(contact: Int, shorts: Int, opens: Int) {
        self.contact = contact
        self.shorts = shorts
        self.opens = opens
    }
}
