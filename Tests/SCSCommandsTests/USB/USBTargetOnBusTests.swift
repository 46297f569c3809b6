import DeviceProfiles
import StimDevice
import StimProtocol
import StimUSB
import Testing
import USBTestbed

@testable import SCSCommands

/// umockdev's bus in this process, or nil outside umockdev-wrapper.
enum InProcessBus {
    /// Created when the suite's condition is evaluated, before any libusb context of this process.
    static let testbed: Testbed? = try? Testbed.shared()

    static let skipMessage = Comment(
        rawValue: "needs the virtual USB bus in this process: "
            + "`umockdev-wrapper swift test --skip-build --filter USBTargetOnBusTests`")
}

/// The connection helper against devices on umockdev's bus in this process: only under
/// umockdev-wrapper (`.ci/run` runs these with the StimUSBTests).
@Suite(
    "Connecting over USB to devices that do not speak the protocol", .serialized,
    .enabled(if: InProcessBus.testbed != nil, InProcessBus.skipMessage))
struct USBTargetOnBusTests {
    let quick = ProgrammerConfiguration(replyTimeout: .milliseconds(100), attempts: 2)

    /// The message of connecting to a tonic-16 whose USB function is `behavior`.
    func connectionError(_ serial: String, behavior: some DeviceBehavior) async throws -> InputError? {
        let testbed = try #require(InProcessBus.testbed)
        let identity = VirtualDeviceIdentity.stimulator(productID: 0x5C50, profileID: "tonic-16", serialNumber: serial)
        let device = try testbed.plug(identity, behavior: behavior)
        defer { device.unplug() }
        return try await connect(serial, in: try USBContext())
    }

    /// The message of connecting to the stimulator with `serial` through `context`; nil when it worked.
    func connect(_ serial: String, in context: USBContext) async throws -> InputError? {
        let profiles = try ProfileSource.catalog(in: nil).profiles
        var generator = SeededRandom(seed: 5)
        let key = try #require(DeviceKeyStore.generate(using: &generator).key(for: .clinician))
        let stimulator = try USBTarget.select(
            try StimulatorDiscovery.find(in: context, profiles: profiles), serial: serial)
        do {
            let programmer = try await USBTarget.connect(
                over: try USBTarget.open(stimulator, in: context), to: stimulator, role: .clinician, key: key,
                keyFile: "test.keys", profiles: profiles, configuration: quick)
            await programmer.close()
            return nil
        } catch {
            return error
        }
    }

    @Test func aDeviceThatAnswersGarbageIsNotAStimulator() async throws {
        let error = try #require(try await connectionError("GARBAGE-1", behavior: GarbageBehavior()))
        #expect(error.location == "USB")
        #expect(error.message.hasPrefix("tonic-16 serial GARBAGE-1 (bus 001 address"))
        #expect(error.message.contains("did not answer in the stimulator protocol"))
    }

    @Test func aDeviceThatNeverAnswersIsNotAStimulatorEither() async throws {
        let error = try #require(try await connectionError("SILENT-1", behavior: SilentBehavior()))
        #expect(error.message.contains("did not answer in the stimulator protocol"))
    }

    @Test func aDeviceOfANewerProtocolVersionIsRefusedWithBothVersions() async throws {
        let error = try #require(try await connectionError("FUTURE-1", behavior: FutureVersionBehavior()))
        #expect(error.message.contains("speaks protocol version 3; this scs speaks version 2"))
    }

    @Test func theDeviceIsReleasedAfterAFailedConnection() async throws {
        let testbed = try #require(InProcessBus.testbed)
        let identity = VirtualDeviceIdentity.stimulator(
            productID: 0x5C50, profileID: "tonic-16", serialNumber: "AGAIN-1")
        let device = try testbed.plug(identity, behavior: GarbageBehavior())
        defer { device.unplug() }
        let context = try USBContext()
        // A claim left behind would make the second attempt fail with "in use by another program".
        for _ in 0..<2 {
            let error = try #require(try await connect("AGAIN-1", in: context))
            #expect(error.message.contains("did not answer in the stimulator protocol"))
        }
    }
}
