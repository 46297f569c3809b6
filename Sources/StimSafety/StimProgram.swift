/// The shape of a pulse train.
public enum Waveform: String, CaseIterable, Hashable, Sendable {
    /// Regular biphasic pulses at `frequency`.
    case tonic
    /// Bursts of `pulsesPerBurst` pulses at `intraBurstRate`, repeated at `frequency`.
    case burst
    /// Regular pulses in the kilohertz range.
    case highFrequency
}

/// How the charge of the stimulating phase is recovered.
public enum Recovery: String, CaseIterable, Hashable, Sendable {
    /// A symmetric second phase of the same width, driven by the current source.
    case active
    /// Discharge of the coupling capacitors after the pulse (after the burst for `burst`).
    case passive
}

/// Stimulation switched on for `on`, then off for `off`, repeatedly.
public struct Cycling: Hashable, Sendable {
    public var on: Milliseconds
    public var off: Milliseconds

    public init(on: Milliseconds, off: Milliseconds) {
        self.on = on
        self.off = off
    }

    /// The fraction of time stimulation is on: `on / (on + off)`.
    public var duty: Double {
        // Summed in 128 bits: two spans near 2⁶³ ms each are still a duty cycle, not an overflow.
        let total = Int128(on.rawValue) + Int128(off.rawValue)
        return total > 0 ? Double(on.rawValue) / Double(converting: total) : 1
    }
}

/// The amplitude range a patient remote may adjust within.
public struct PatientRange: Hashable, Sendable {
    public var min: Nanoamps
    public var max: Nanoamps

    public init(min: Nanoamps, max: Nanoamps) {
        self.min = min
        self.max = max
    }
}

/// One stimulation parameter set: the fields of `safety-rules.md` §1 in exact units.
public struct StimProgram: Hashable, Sendable {
    /// Total cathodic current.
    public var amplitude: Nanoamps
    /// Width of the stimulating phase.
    public var pulseWidth: Nanoseconds
    /// Pulse rate, or the burst rate for `burst`.
    public var rate: Rate
    public var waveform: Waveform
    /// Pulses in each burst (burst only).
    public var pulsesPerBurst: Int?
    /// Rate of the pulses within a burst (burst only).
    public var intraBurstRate: Millihertz?
    /// The contact map, in the order written.
    public var contacts: [ContactShare]
    public var recovery: Recovery
    /// Gap between the two phases; nil takes the device's default.
    public var interphaseGap: Nanoseconds?
    public var cycling: Cycling?
    public var patientRange: PatientRange?

    public init(
        amplitude: Nanoamps, pulseWidth: Nanoseconds, rate: Rate, waveform: Waveform = .tonic,
        pulsesPerBurst: Int? = nil, intraBurstRate: Millihertz? = nil, contacts: [ContactShare],
        recovery: Recovery = .active, interphaseGap: Nanoseconds? = nil, cycling: Cycling? = nil,
        patientRange: PatientRange? = nil
    ) {
        self.amplitude = amplitude
        self.pulseWidth = pulseWidth
        self.rate = rate
        self.waveform = waveform
        self.pulsesPerBurst = pulsesPerBurst
        self.intraBurstRate = intraBurstRate
        self.contacts = contacts
        self.recovery = recovery
        self.interphaseGap = interphaseGap
        self.cycling = cycling
        self.patientRange = patientRange
    }
}
