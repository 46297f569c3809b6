extension RuleID {
    /// The device-profile fields (`docs/device-profiles.md` paths; `leads[]` for any lead, `*` for any
    /// one name such as a waveform) each rule's limit reads: with ``Metrics/profileFields``, the table of
    /// which verdicts an assumed profile value reaches.
    public var profileFields: [String] {
        switch self {
        case .amplitudeRange, .patientRange: ["amplitude.min", "amplitude.max"]
        case .amplitudeStep: ["amplitude.step"]
        case .pulseWidthRange: ["pulseWidth.min", "pulseWidth.max"]
        case .pulseWidthStep: ["pulseWidth.step"]
        case .frequencyRange: ["frequency.*.min", "frequency.*.max"]
        case .frequencyStep: ["frequency.*.step"]
        case .burstRange: ["frequency.burst.*.min", "frequency.burst.*.max", "frequency.burst.*.step"]
        case .waveformSupported, .contactsUnknown: []
        case .contactsPolarity: ["caseElectrode", "fractionStep"]
        case .contactsCount: ["maxActiveContacts", "leads[].contacts"]
        case .currentContact, .patientRangeCurrentContact: ["currentPerContactMax"]
        case .chargeDensity, .patientRangeChargeDensity: Metrics.profileFields["maxChargeDensity"] ?? []
        case .shannon, .patientRangeShannon: Metrics.profileFields["maxShannonK"] ?? []
        case .timingPeriod: ["interphaseGap", "passiveRecoveryMin"]
        case .compliance, .patientRangeCompliance: Metrics.profileFields["maxRequiredVoltage"] ?? []
        case .impedance: ["impedance.short", "impedance.open"]
        case .battery:
            (Metrics.profileFields["rechargeIntervalDays"] ?? [])
                + ["battery.minimumLongevityYears"]
        case .amplitudeSlew: ["limits.amplitudeSlewMax"]
        }
    }

    /// The fields of `assumed` (profile paths such as `leads[0].areaMM2`) that any of `rules` reads, in
    /// the order given.
    public static func assumed(_ rules: some Sequence<RuleID>, among assumed: [String]) -> [String] {
        let patterns = rules.flatMap(\.profileFields)
        return assumed.filter { path in Metrics.matches(path, any: patterns) }
    }
}
