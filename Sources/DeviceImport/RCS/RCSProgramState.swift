import StimSafety

/// What the logs have said so far about one program of one group, in exact units.
struct RCSProgramState: Hashable {
    /// Decoded from the raw `amplitude` (0.1 mA units).
    var amplitude: Nanoamps?
    /// Decoded from the raw `pulseWidth` (10 µs units).
    var pulseWidth: Nanoseconds?
    /// DeviceSettings `isEnabled`: 0 enabled, 131 disabled; nil until a file says.
    var isEnabled: Bool?
    /// From DeviceSettings `electrodes`; nil until it says.
    var contacts: [ContactShare]?
    /// From `miscSettings.activeRechargeRatio`; nil until it says.
    var recovery: Recovery?
    /// DeviceSettings `AmplitudeLimitsGroupN.progK{Lower,Upper}InMilliamps`.
    var amplitudeLimits: PatientRange?

    /// The placeholder a disabled program shows: 8.5 mA and 850 µs (`docs/domain-reference.md` §5.2).
    static let placeholderAmplitude = Nanoamps(rawValue: 8_500_000)
    static let placeholderPulseWidth = Nanoseconds(rawValue: 850_000)

    /// Whether the program is off: DeviceSettings says so, or, where it has not said, the program
    /// shows both placeholder values.
    var isDisabled: Bool {
        if let isEnabled { return !isEnabled }
        return amplitude == Self.placeholderAmplitude && pulseWidth == Self.placeholderPulseWidth
    }
}
