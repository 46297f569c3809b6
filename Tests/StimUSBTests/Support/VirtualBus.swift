import StimUSB
import Testing
import USBTestbed

/// The process's virtual USB bus, or `nil` outside `umockdev-wrapper`.
///
/// Created when the USB suite's condition is evaluated, before any test starts a libusb context, as
/// umockdev needs.
enum VirtualBus {
    static let testbed: Testbed? = try? Testbed.shared()

    static var isAvailable: Bool {
        testbed != nil
    }

    /// Why the USB suite skips.
    static let skipMessage = Comment(
        rawValue: "needs the virtual USB bus: run under umockdev-wrapper, e.g. "
            + "`swift build --build-tests && umockdev-wrapper swift test --skip-build --filter StimUSBTests`"
    )

    /// Plugs in a device for the duration of `body`.
    static func withDevice<Result>(
        _ identity: VirtualDeviceIdentity, behavior: some DeviceBehavior,
        _ body: (VirtualDevice) async throws -> Result
    ) async throws -> Result {
        let testbed = try #require(testbed)
        let device = try testbed.plug(identity, behavior: behavior)
        defer { device.unplug() }
        return try await body(device)
    }

    /// The handle of the device with `serialNumber` among those with `id`, opened in a new context.
    static func open(_ id: USBDeviceID, serialNumber: String) throws -> USBDeviceHandle {
        let context = try USBContext()
        let devices = try context.devices(matching: [id])
        let device = try #require(devices.first { $0.serialNumber == serialNumber })
        return try context.open(device)
    }
}

/// All tests on the virtual bus, one at a time: the bus is one per process.
@Suite(
    "libusb on the virtual USB bus (umockdev)", .serialized,
    .enabled(if: VirtualBus.isAvailable, VirtualBus.skipMessage))
struct VirtualBusTests {}

extension USBDeviceID {
    /// The tonic-16 profile's ids.
    static let tonic = USBDeviceID(vendorID: 0x1209, productID: 0x5C50)

    /// The drg-4x4 profile's ids.
    static let drg = USBDeviceID(vendorID: 0x1209, productID: 0x5C53)
}

extension VirtualDeviceIdentity {
    /// An echo stimulator of the tonic-16 model with `serialNumber`.
    static func tonic(_ serialNumber: String) -> Self {
        .stimulator(productID: USBDeviceID.tonic.productID, profileID: "tonic-16", serialNumber: serialNumber)
    }
}
