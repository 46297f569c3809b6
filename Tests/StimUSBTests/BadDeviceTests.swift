import DeviceProfiles
import StimDevice
import StimProtocol
import StimUSB
import Testing
import USBTestbed

extension VirtualBusTests {
    @Suite("Devices that do not speak the protocol")
    struct BadDeviceTests {
        let quick = ProgrammerConfiguration(replyTimeout: .milliseconds(100), attempts: 2)

        @Test("a device that answers garbage times the programmer out")
        func garbage() async throws {
            let fixture = try StimulatorFixture(serialNumber: "GARBAGE-1")
            _ = try await VirtualBus.withDevice(fixture.identity, behavior: GarbageBehavior()) { _ in
                await #expect(throws: ProgrammerError.timeout) {
                    _ = try await Programmer.connect(
                        over: fixture.openTransport(), role: .clinician, key: fixture.key(.clinician),
                        limits: fixture.profile.limits, configuration: quick)
                }
            }
        }

        @Test("a device of another protocol version is refused")
        func futureVersion() async throws {
            let fixture = try StimulatorFixture(serialNumber: "FUTURE-1")
            _ = try await VirtualBus.withDevice(fixture.identity, behavior: FutureVersionBehavior()) { _ in
                await #expect(throws: ProgrammerError.protocolMismatch(deviceVersions: [3])) {
                    _ = try await Programmer.connect(
                        over: fixture.openTransport(), role: .clinician, key: fixture.key(.clinician),
                        limits: fixture.profile.limits, configuration: quick)
                }
            }
        }
    }
}
