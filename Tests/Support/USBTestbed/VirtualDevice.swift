import CUMockdev
import Synchronization

/// A device plugged into the virtual bus, answering the host through its `DeviceBehavior`.
///
/// It stays plugged in until `unplug()` or until the last reference goes.
public final class VirtualDevice: @unchecked Sendable {
    // @unchecked: the handler pointer never changes; the testbed serializes its own calls.
    private let testbed: Testbed
    private let node: DeviceNode
    private let handler: UnsafeMutablePointer<UMockdevIoctlBase>
    private let emulator: UsbfsEmulator
    private let isPlugged = Mutex(true)

    /// The ids and strings the device reports.
    public let identity: VirtualDeviceIdentity

    init(
        testbed: Testbed, node: DeviceNode, identity: VirtualDeviceIdentity,
        handler: UnsafeMutablePointer<UMockdevIoctlBase>, emulator: UsbfsEmulator
    ) {
        self.testbed = testbed
        self.node = node
        self.identity = identity
        self.handler = handler
        self.emulator = emulator
    }

    deinit {
        unplug()
        g_object_unref(handler)
    }

    /// The bus the device is on.
    public var bus: UInt8 { node.bus }

    /// The device's address on the bus.
    public var address: UInt8 { node.address }

    /// The usbfs device node, e.g. `/dev/bus/usb/001/002`.
    public var path: String { node.path }

    /// How many times a host has claimed the device's interface since it was plugged in: one for
    /// each connection a transport made, however many sessions ran over it.
    public var claimCount: Int { emulator.claimCount }

    /// Pulls the device out: transfers in flight fail as on a real unplug (libusb reports
    /// `LIBUSB_ERROR_NO_DEVICE`), later requests on open handles fail with `ENODEV`, and the device
    /// leaves the bus. Unplugging twice does nothing more.
    public func unplug() {
        let wasPlugged = isPlugged.withLock { isPlugged in
            defer { isPlugged = false }
            return isPlugged
        }
        guard wasPlugged else { return }
        emulator.unplug()
        testbed.remove(node)
    }
}
