/// What stays fixed while the safe envelope varies pulse width, rate and amplitude: the contacts,
/// the waveform and the measured impedances.
public struct EnvelopeConfiguration: Sendable {
    public var contacts: [ContactShare]
    public var waveform: Waveform
    public var recovery: Recovery
    public var pulsesPerBurst: Int?
    public var intraBurstRate: Millihertz?
    public var interphaseGap: Nanoseconds?
    public var cycling: Cycling?
    public var impedances: MeasuredImpedances

    public init(
        contacts: [ContactShare], waveform: Waveform = .tonic, recovery: Recovery = .active,
        pulsesPerBurst: Int? = nil, intraBurstRate: Millihertz? = nil, interphaseGap: Nanoseconds? = nil,
        cycling: Cycling? = nil, impedances: MeasuredImpedances = .none
    ) {
        self.contacts = contacts
        self.waveform = waveform
        self.recovery = recovery
        self.pulsesPerBurst = pulsesPerBurst
        self.intraBurstRate = intraBurstRate
        self.interphaseGap = interphaseGap
        self.cycling = cycling
        self.impedances = impedances
    }

    /// The program this configuration gives at one point of the envelope.
    func program(amplitude: Nanoamps, pulseWidth: Nanoseconds, rate: Rate) -> StimProgram {
        StimProgram(
            amplitude: amplitude, pulseWidth: pulseWidth, rate: rate, waveform: waveform,
            pulsesPerBurst: pulsesPerBurst, intraBurstRate: intraBurstRate, contacts: contacts, recovery: recovery,
            interphaseGap: interphaseGap, cycling: cycling)
    }
}

/// A configuration that no amplitude can make safe (an unknown contact, a wrong polarity, too many
/// contacts, an unsupported waveform, burst numbers out of range, a shorted or open contact).
public struct EnvelopeRejection: Error, Sendable {
    /// The error findings that hold at every amplitude.
    public var findings: [Finding]
}
