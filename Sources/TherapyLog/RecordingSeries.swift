import StimSafety

/// What a recording did over time, summarised for charts: bounded series, never one entry per event.
///
/// Each series holds one bucket per period of the report's ``UsageTimeline`` (hours of a short
/// recording, else local days, weeks from Monday, months or years) that has something to show, so a
/// chart's marks, its data table and the JSON's entries line up with the therapy timeline whatever the
/// span.
public struct RecordingSeries: Hashable, Sendable {
    /// Program slots charted: the first this many slots seen (the report's totals cover every slot).
    public static let slotLimit = 16
    /// Lead contacts charted: the lowest-numbered this many contacts the profile has.
    public static let contactLimit = 64

    /// Amplitude per program slot, by slot.
    public var amplitude: [ProgramAmplitude] = []
    /// Impedance per lead contact, by contact.
    public var impedance: [ContactImpedance] = []
    /// Battery level.
    public var battery: [Battery] = []
    /// Recharge sessions.
    public var charging: [Charging] = []

    /// The amplitude series of one program slot.
    public struct ProgramAmplitude: Hashable, Sendable {
        public var slot: Slot
        public var buckets: [AmplitudeBucket]
    }

    /// A slot's amplitude over a period, in mA: the lowest and highest it was set to or delivered at,
    /// the time-weighted mean over delivered time, and the patient range its programs allowed.
    public struct AmplitudeBucket: Hashable, Sendable {
        public var period: UsageTimeline.Period
        public var minimum: Double
        public var maximum: Double
        /// Nil when the slot delivered no therapy in the period.
        public var mean: Double?
        /// The lowest minimum and highest maximum of the patient ranges in effect; nil without one.
        public var patientRange: ClosedRange<Double>?
    }

    /// The impedance series of one lead contact.
    public struct ContactImpedance: Hashable, Sendable {
        public var contact: Int
        public var buckets: [ImpedanceBucket]
    }

    /// A contact's measurements over a period, in Ω.
    public struct ImpedanceBucket: Hashable, Sendable {
        public var period: UsageTimeline.Period
        public var minimum: Double
        public var maximum: Double
        public var mean: Double
        public var measurements: Int
    }

    /// The battery level over a period, in percent.
    public struct Battery: Hashable, Sendable {
        public var period: UsageTimeline.Period
        public var minimum: Double
        public var maximum: Double
        /// The last sample of the period.
        public var last: Double
    }

    /// Recharging over a period: hours spent in completed sessions, and sessions started.
    public struct Charging: Hashable, Sendable {
        public var period: UsageTimeline.Period
        public var hours: Double
        public var sessions: Int
    }
}
