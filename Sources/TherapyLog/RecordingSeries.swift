import StimSafety

/// What a recording did over time, summarised for charts: bounded series, never one entry per event.
///
/// Each series holds one bucket per day (of the report's zone) while the recording spans at most
/// ``bucketLimit`` days; over a longer span its buckets widen to 2, 4, 8, … days, so memory never grows
/// with the file's length and a chart never has more marks than its width can show. Only days with
/// something to show have a bucket.
public struct RecordingSeries: Hashable, Sendable {
    /// The most buckets a series holds: a year day by day; a 960-point chart shows no more.
    public static let bucketLimit = 366
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

    /// The days a bucket covers: `days` UTC days from `firstDay` (days since 1970-01-01).
    public struct Days: Hashable, Sendable {
        public var firstDay: Int64
        public var days: Int

        public init(firstDay: Int64, days: Int) {
            self.firstDay = firstDay
            self.days = days
        }
    }

    /// The amplitude series of one program slot.
    public struct ProgramAmplitude: Hashable, Sendable {
        public var slot: Slot
        public var buckets: [AmplitudeBucket]
    }

    /// A slot's amplitude over some days, in mA: the lowest and highest it was set to or delivered at,
    /// the time-weighted mean over delivered time, and the patient range its programs allowed.
    public struct AmplitudeBucket: Hashable, Sendable {
        public var days: Days
        public var minimum: Double
        public var maximum: Double
        /// Nil when the slot delivered no therapy in these days.
        public var mean: Double?
        /// The lowest minimum and highest maximum of the patient ranges in effect; nil without one.
        public var patientRange: ClosedRange<Double>?
    }

    /// The impedance series of one lead contact.
    public struct ContactImpedance: Hashable, Sendable {
        public var contact: Int
        public var buckets: [ImpedanceBucket]
    }

    /// A contact's measurements over some days, in Ω.
    public struct ImpedanceBucket: Hashable, Sendable {
        public var days: Days
        public var minimum: Double
        public var maximum: Double
        public var mean: Double
        public var measurements: Int
    }

    /// The battery level over some days, in percent.
    public struct Battery: Hashable, Sendable {
        public var days: Days
        public var minimum: Double
        public var maximum: Double
        /// The last sample of these days.
        public var last: Double
    }

    /// Recharging over some days: hours spent in completed sessions, and sessions started.
    public struct Charging: Hashable, Sendable {
        public var days: Days
        public var hours: Double
        public var sessions: Int
    }
}
