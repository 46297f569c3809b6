import DeviceProfiles
import Foundation
import RecordingFormat
import StimDevice
import StimProtocol
import StimSafety
import StimUSB
import Testing
import USBTestbed

/// A simulated stimulator built from a shipped profile, ready to be plugged into the virtual bus.
struct StimulatorFixture {
    let profile: DeviceProfile
    let keys: DeviceKeyStore
    let device: SimulatedStimulator
    let serialNumber: String

    /// A device of `profileID` with `serialNumber`; `configure` may change its configuration (its
    /// limits, say) from the profile's.
    init(
        _ profileID: String = "tonic-16", serialNumber: String,
        configure: (inout SimulatorConfiguration) -> Void = { _ in }
    ) throws {
        profile = try Self.catalog().profile(id: profileID)
        var generator = SeededRandom(seed: 11)
        keys = DeviceKeyStore.generate(using: &generator)
        var configuration = SimulatorConfiguration(
            profileID: profile.id, model: profile.name, serial: serialNumber, slotCount: profile.programs,
            limits: profile.limits)
        configure(&configuration)
        device = SimulatedStimulator(
            configuration: configuration, keys: keys,
            clock: ManualClock(start: Timestamp(year: 2026, month: 1, day: 5)),
            random: SeededRandom(seed: 12))
        self.serialNumber = serialNumber
    }

    /// The profile's USB ids.
    var id: USBDeviceID {
        get throws {
            let usb = try #require(profile.usb)
            return USBDeviceID(vendorID: usb.vendorId, productID: usb.productId)
        }
    }

    /// What the device tells the host over USB.
    var identity: VirtualDeviceIdentity {
        get throws {
            .stimulator(productID: try id.productID, profileID: profile.id, serialNumber: serialNumber)
        }
    }

    func key(_ role: Role) throws -> DeviceKey {
        try #require(keys.key(for: role))
    }

    /// Plugs the simulator in for the duration of `body`.
    func withPluggedIn<Result>(_ body: (VirtualDevice) async throws -> Result) async throws -> Result {
        try await VirtualBus.withDevice(identity, behavior: StimulatorBehavior(device: device), body)
    }

    /// A USB transport to the plugged-in simulator, found by its ids and serial number.
    func openTransport() throws -> USBTransport {
        let context = try USBContext()
        let found = try context.devices(matching: [try id])
        let info = try #require(found.first { $0.serialNumber == serialNumber })
        return try USBTransport(opening: info, in: context)
    }

    /// The shipped profiles, found from this file's location.
    static func catalog() throws -> DeviceCatalog {
        let devices = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // StimUSBTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository root
            .appendingPathComponent("Devices", isDirectory: true)
        return try DeviceCatalog(contentsOf: devices)
    }
}
