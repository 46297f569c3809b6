/// The answers of `scs cohort` (`docs/cohort.md`): usage per patient and across the cohort,
/// impedance alerts and safety events per patient, recharge intervals, and the programs in use on
/// each kind of device. A patient is a device's serial number.
public struct Cohort: Encodable, Sendable {
    /// The recordings asked about.
    public var filter: CohortFilter
    /// A patient whose share of days with therapy is under this percent is listed as below it.
    public var belowPercent: Double
    /// Each patient, by device and serial.
    public var patients: [Patient]
    /// The spread of the patients' mean therapy hours per recorded day.
    public var therapyHoursPerDay: Distribution?
    /// The spread of the patients' share of days with therapy, in percent.
    public var daysWithTherapyPercent: Distribution?
    /// The spread of the patients' mean hours between recharges (patients with two or more).
    public var chargeIntervalHours: Distribution?
    /// The serials of the patients below ``belowPercent``.
    public var patientsBelow: [String]
    /// Each program slot in use (with therapy time) on each kind of device.
    public var programs: [ProgramInUse]

    /// One patient's figures over the recordings selected.
    public struct Patient: Encodable, Sendable {
        public var device: String
        public var serial: String
        public var recordings: Int
        /// The earliest start and the latest end of the recordings (RFC 3339, UTC).
        public var start: String
        public var end: String
        /// UTC days recorded (within the date filter), and those with therapy.
        public var days: Int
        public var daysWithTherapy: Int
        public var therapyHours: Double
        /// ``therapyHours`` over ``days``.
        public var therapyHoursPerDay: Double?
        /// 100 × ``daysWithTherapy`` over ``days``.
        public var daysWithTherapyPercent: Double?
        public var impedanceAlerts: Int
        /// Program and amplitude events the safety rules flagged, as errors and as warnings.
        public var safetyErrorEvents: Int
        public var safetyWarningEvents: Int
        /// Commands the device refused.
        public var refusals: Int
        public var charges: Int
        /// The mean time between recharge starts, weighted by each recording's intervals.
        public var meanChargeIntervalHours: Double?
        /// Whether ``daysWithTherapyPercent`` is under the cohort's threshold.
        public var isBelow: Bool
    }

    /// A slot in use on one kind of device.
    public struct ProgramInUse: Encodable, Sendable {
        public var device: String
        public var slot: Int
        /// Patients with therapy time on the slot.
        public var patients: Int
        public var therapyHours: Double
        /// The mean amplitude over the slot's therapy time, in mA.
        public var meanAmplitude: Double
    }

    /// The order statistics of a set of figures (quartiles by linear interpolation).
    public struct Distribution: Encodable, Sendable {
        public var count: Int
        public var min: Double
        public var lowerQuartile: Double
        public var median: Double
        public var upperQuartile: Double
        public var max: Double

        /// The distribution of `values`; nil when there are none.
        init?(_ values: [Double]) {
            let sorted = values.sorted()
            guard let first = sorted.first, let last = sorted.last else { return nil }
            func quantile(_ q: Double) -> Double {
                let position = q * Double(sorted.count - 1)
                let below = Int(position.rounded(.down))
                let above = Swift.min(below + 1, sorted.count - 1)
                return sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
            }
            count = sorted.count
            min = first
            lowerQuartile = quantile(0.25)
            median = quantile(0.5)
            upperQuartile = quantile(0.75)
            max = last
        }
    }
}

/// Which recordings `scs cohort` looks at: every filter given must hold.
public struct CohortFilter: Encodable, Sendable {
    /// The device profile id.
    public var device: String?
    public var serial: String?
    /// The first and last UTC day (`YYYY-MM-DD`): recordings with a recorded day in the range, and
    /// only its days in the usage figures.
    public var from: String?
    public var to: String?

    public init(device: String? = nil, serial: String? = nil, from: String? = nil, to: String? = nil) {
        self.device = device
        self.serial = serial
        self.from = from
        self.to = to
    }
}
