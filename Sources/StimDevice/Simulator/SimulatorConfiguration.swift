import StimSafety

/// What a simulated stimulator is and how it behaves: its identity, its limits (from a device
/// profile) and the knobs of its models.
///
/// Build one from a `DeviceProfile` (`profileID: profile.id`, `slotCount: profile.programs`,
/// `limits: profile.limits`); the defaults of the models suit tests and simulations.
public struct SimulatorConfiguration: Sendable {
    /// The profile id the device reports and writes in its recordings.
    public var profileID: String
    /// The model name the device reports.
    public var model: String
    /// The serial number the device reports and writes in its recordings.
    public var serial: String
    /// The firmware version the device reports.
    public var firmware: String
    /// The number of program slots, 1 … 255.
    public var slotCount: Int
    /// The limits every write is validated against on the device.
    public var limits: DeviceLimits
    /// The spread of the contacts' impedances around the profile's nominal value, as a fraction
    /// (0.2: each contact lies within ±20 % of nominal).
    public var impedanceVariation: Double = 0.2
    /// The seed of the contacts' impedance variation, so a device's impedances are reproducible.
    public var impedanceSeed: UInt64 = 1
    /// The time between two steps of a soft-start or slew ramp; each step raises the output by the
    /// profile's `amplitudeSlewMax` (a profile without one jumps straight to the target).
    public var rampStepInterval: Duration = .seconds(1)
    /// How fast a charge session refills the battery, as a fraction of a full charge per hour.
    public var chargeRatePerHour: Double = 0.5
    /// The battery's state of charge when the device is made, 0 … 1.
    public var initialBatteryFraction: Double = 1
    /// The replay guard's width: 1 (the default) accepts only numbers above the highest accepted,
    /// so a frame delayed past a later request can never act; up to 64 admits late frames.
    public var replayWindowWidth: Int = 1
    /// The most handshakes (openSession answered, authenticate not yet) the device holds at once; one
    /// more openSession drops the oldest of them. A peer without a key can displace only these, never
    /// an authenticated session.
    public var maximumPendingSessions: Int = 8
    /// The most sessions per role that may be authenticated at once (so two clinicians may hold
    /// sessions at the same time); one more authentication in a role closes that role's least recently
    /// used session.
    public var maximumOpenSessionsPerRole: Int = 4
    /// How many recent replies each session keeps to answer retried requests.
    public var cachedRepliesPerSession: Int = 8

    /// A configuration with the models' defaults.
    public init(
        profileID: String, model: String, serial: String, firmware: String = "sim-1.0", slotCount: Int,
        limits: DeviceLimits
    ) {
        self.profileID = profileID
        self.model = model
        self.serial = serial
        self.firmware = firmware
        self.slotCount = slotCount
        self.limits = limits
    }
}
