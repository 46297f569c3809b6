import StimUSB
import Testing
import USBTestbed

extension VirtualBusTests {
    @Suite("Discovery")
    struct DiscoveryTests {
        @Test("finds a stimulator by its ids, with its serial number, bus and address")
        func findsByIDs() async throws {
            try await VirtualBus.withDevice(.tonic("DISC-1"), behavior: EchoBehavior()) { device in
                let found = try USBContext().devices(matching: [.tonic])
                #expect(
                    found == [
                        USBDeviceInfo(id: .tonic, serialNumber: "DISC-1", bus: device.bus, address: device.address)
                    ])
            }
        }

        @Test(
            "does not pick a device with other ids",
            arguments: [
                USBDeviceID(vendorID: 0x1209, productID: 0x0001),  // same vendor, another product
                USBDeviceID(vendorID: 0x16C0, productID: 0x5C50),  // another vendor, the same product id
            ])
        func ignoresOtherIDs(_ other: USBDeviceID) async throws {
            let identity = VirtualDeviceIdentity(
                id: other, manufacturer: "someone else", product: "a keyboard", serialNumber: "OTHER-1")
            try await VirtualBus.withDevice(identity, behavior: EchoBehavior()) { _ in
                let context = try USBContext()
                #expect(try context.devices(matching: [.tonic]).isEmpty)
                // It is on the bus all the same.
                #expect(try context.devices(matching: [other]).map(\.serialNumber) == ["OTHER-1"])
            }
        }

        @Test("lists stimulators of several models together")
        func severalModels() async throws {
            let drg = VirtualDeviceIdentity.stimulator(
                productID: USBDeviceID.drg.productID, profileID: "drg-4x4", serialNumber: "DISC-DRG")
            try await VirtualBus.withDevice(.tonic("DISC-TONIC"), behavior: EchoBehavior()) { _ in
                try await VirtualBus.withDevice(drg, behavior: EchoBehavior()) { _ in
                    let found = try USBContext().devices(matching: [.tonic, .drg])
                    #expect(Set(found.map(\.serialNumber)) == ["DISC-TONIC", "DISC-DRG"])
                    #expect(Set(found.map(\.id)) == [.tonic, .drg])
                }
            }
        }

        @Test("a second handle cannot claim the interface while the first holds it")
        func claimIsExclusive() async throws {
            try await VirtualBus.withDevice(.tonic("DISC-BUSY"), behavior: EchoBehavior()) { _ in
                let context = try USBContext()
                let device = try #require(try context.devices(matching: [.tonic]).first)
                var first: USBDeviceHandle? = try context.open(device)
                #expect(first != nil)
                #expect(throws: USBError.busy) { try context.open(device) }
                // Once the first handle is gone, the interface is free again.
                first = nil
                _ = try context.open(device)
            }
        }

        @Test("opening a device that has left the bus is USBError.noDevice")
        func openAfterUnplug() async throws {
            try await VirtualBus.withDevice(.tonic("DISC-GONE"), behavior: EchoBehavior()) { device in
                let context = try USBContext()
                let info = try #require(try context.devices(matching: [.tonic]).first)
                device.unplug()
                #expect(throws: USBError.noDevice) { try context.open(info) }
            }
        }
    }
}
