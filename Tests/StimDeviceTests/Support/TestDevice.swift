import DeviceProfiles
import Foundation
import RecordingFormat
import StimDevice
import StimProtocol
import StimSafety
import Testing

/// A simulated stimulator built from a shipped profile, with a manual clock and seeded randomness.
struct TestDevice {
    let profile: DeviceProfile
    let clock: ManualClock
    let keys: DeviceKeyStore
    let device: SimulatedStimulator

    /// Monday 2026-01-05 00:00:00Z, the start of every test device's clock.
    static let start = Timestamp(year: 2026, month: 1, day: 5)

    init(
        _ profileID: String = "tonic-16", seed: UInt64 = 7, configure: (inout SimulatorConfiguration) -> Void = { _ in }
    )
        throws
    {
        profile = try Self.catalog().profile(id: profileID)
        clock = ManualClock(start: Self.start)
        var generator = SeededRandom(seed: seed)
        keys = DeviceKeyStore.generate(using: &generator)
        var configuration = SimulatorConfiguration(
            profileID: profile.id, model: profile.name, serial: "IPG-0042", slotCount: profile.programs,
            limits: profile.limits)
        configure(&configuration)
        device = SimulatedStimulator(
            configuration: configuration, keys: keys, clock: clock, random: SeededRandom(seed: seed &+ 1))
    }

    var limits: DeviceLimits { profile.limits }

    func key(_ role: Role) throws -> DeviceKey { try #require(keys.key(for: role)) }

    /// A programmer over the in-process transport.
    func connect(
        _ role: Role = .clinician, configuration: ProgrammerConfiguration = ProgrammerConfiguration()
    ) async throws -> Programmer {
        try await Programmer.connect(
            over: InProcessTransport(device: device), role: role, key: key(role), limits: limits,
            configuration: configuration)
    }

    /// The shipped profiles, found from this file's location.
    static func catalog() throws -> DeviceCatalog {
        let devices = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // StimDeviceTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository root
            .appendingPathComponent("Devices", isDirectory: true)
        return try DeviceCatalog(contentsOf: devices)
    }
}

/// Exact quantities from decimal text, for readable programs.
func mA(_ text: String) throws -> Nanoamps { try Nanoamps(parsing: text) }
func us(_ text: String) throws -> Nanoseconds { try Nanoseconds(parsing: text) }
func hz(_ text: String) throws -> Millihertz { try Millihertz(parsing: text) }

/// A tonic program on a bipole: `cathode` −100 %, `anode` +100 %, active recovery.
func tonic(
    _ amplitude: String, _ pulseWidth: String = "300", _ frequency: String = "50", cathode: Int = 2, anode: Int = 3,
    patientRange: (String, String)? = nil
) throws -> StimProgram {
    var program = StimProgram(
        amplitude: try mA(amplitude), pulseWidth: try us(pulseWidth), rate: .frequency(try hz(frequency)),
        contacts: [ContactShare(.lead(cathode), Percent(units: -100)), ContactShare(.lead(anode), Percent(units: 100))])
    if let (low, high) = patientRange { program.patientRange = PatientRange(min: try mA(low), max: try mA(high)) }
    return program
}
