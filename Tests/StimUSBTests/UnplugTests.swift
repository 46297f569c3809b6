import StimUSB
import Testing
import USBTestbed

extension VirtualBusTests {
    @Suite("Hot-unplug")
    struct UnplugTests {
        @Test("unplugging during a pending read ends it with USBError.noDevice, and every later transfer too")
        func unplugDuringRead() async throws {
            try await VirtualBus.withDevice(.tonic("UNPLUG-1"), behavior: SilentBehavior()) { device in
                let handle = try VirtualBus.open(.tonic, serialNumber: "UNPLUG-1")
                let clock = ContinuousClock()
                let start = clock.now
                let read = Task {
                    try await handle.read(from: StimulatorInterface.bulkIn, maxLength: 4096, timeout: .seconds(10))
                }
                try await Task.sleep(for: .milliseconds(100))
                device.unplug()
                await #expect(throws: USBError.noDevice) { try await read.value }
                #expect(clock.now - start < .seconds(2))
                await #expect(throws: USBError.noDevice) {
                    try await handle.write([1], to: StimulatorInterface.bulkOut, timeout: .seconds(1))
                }
                #expect(try USBContext().devices(matching: [.tonic]).isEmpty)
            }
        }
    }
}
