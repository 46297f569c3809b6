import StimUSB
import Testing
import USBTestbed

@Suite(
    "libusb against a virtual echo device", .serialized, .enabled(if: VirtualBus.isAvailable, VirtualBus.skipMessage))
struct EchoDeviceTests {
    let tonic = USBDeviceID(vendorID: 0x1209, productID: 0x5C50)

    @Test("bulk IN returns what bulk OUT sent")
    func echoRoundTrip() throws {
        let testbed = try #require(VirtualBus.testbed)
        let device = try testbed.plug(
            .stimulator(productID: tonic.productID, profileID: "tonic-16", serialNumber: "ECHO-1"),
            behavior: EchoBehavior()
        )
        let context = try USBContext()
        let found = try context.devices(matching: [tonic])
        #expect(found.map(\.serialNumber) == ["ECHO-1"])
        let info = try #require(found.first)
        #expect(info.bus == device.bus && info.address == device.address)
        let handle = try context.open(info)
        let bytes = (0..<100).map { UInt8($0) }
        let written = try handle.write(bytes, to: StimulatorInterface.bulkOut, timeout: .seconds(1))
        #expect(written == 100)
        let read = try handle.read(from: StimulatorInterface.bulkIn, maxLength: 4096, timeout: .seconds(1))
        #expect(read == bytes)
    }
}
