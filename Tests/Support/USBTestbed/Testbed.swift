import CUMockdev
import Foundation
import Synchronization

/// The process's virtual USB bus: one umockdev testbed, onto which devices are plugged.
///
/// There is one per process (umockdev redirects the whole process's view of `/sys` and `/dev`), and
/// it must exist before the first `libusb_init` of the process: libusb reads the bus once, when its
/// first context starts. The process must run under `umockdev-wrapper`.
public final class Testbed: @unchecked Sendable {
    // @unchecked: the pointer never changes, and every umockdev call on it is made under `lock`.
    private let pointer: UnsafeMutablePointer<UMockdevTestbed>
    private let lock = Mutex(Registry())
    private let rootDirectory: String

    private struct Registry {
        var lastAddress: UInt8 = 1
    }

    /// The bus the virtual devices are on.
    public static let bus: UInt8 = 1

    /// The process's testbed, created on first use.
    ///
    /// Throws `TestbedError.notPreloaded` when the process was not started under `umockdev-wrapper`.
    public static func shared() throws(TestbedError) -> Testbed {
        try instance.get()
    }

    private static let instance = Result { () throws(TestbedError) in try Testbed() }

    /// Whether libumockdev-preload is loaded into this process (by `umockdev-wrapper`).
    public static var isPreloaded: Bool {
        guard let preload = g_getenv("LD_PRELOAD") else { return false }
        return String(cString: preload).contains("libumockdev-preload")
    }

    private init() throws(TestbedError) {
        guard Self.isPreloaded else { throw TestbedError.notPreloaded }
        guard let testbed = umockdev_testbed_new() else { throw TestbedError.testbedUnavailable }
        guard umockdev_in_mock_environment() != 0 else {
            g_object_unref(testbed)
            throw TestbedError.testbedUnavailable
        }
        pointer = testbed
        let root = umockdev_testbed_get_root_dir(testbed)
        defer { g_free(root) }
        rootDirectory = root.map { String(cString: $0) } ?? ""
        // The shared testbed lives until the process ends, so umockdev never deletes its directory.
        atexit { Testbed.removeFilesAtExit() }
    }

    private static func removeFilesAtExit() {
        guard case .success(let testbed) = instance, !testbed.rootDirectory.isEmpty else { return }
        try? FileManager.default.removeItem(atPath: testbed.rootDirectory)
    }

    deinit {
        g_object_unref(pointer)
    }

    /// Plugs in a device with `identity` whose bulk OUT bytes go to `behavior`, at the next free
    /// address.
    public func plug(_ identity: VirtualDeviceIdentity, behavior: some DeviceBehavior) throws(TestbedError)
        -> VirtualDevice
    {
        guard identity.hasValidStrings else { throw TestbedError.invalidIdentity(identity) }
        let emulator = UsbfsEmulator(identity: identity, behavior: behavior)
        return try lock.withLock { registry throws(TestbedError) in
            guard registry.lastAddress < 127 else { throw TestbedError.addressesExhausted }
            registry.lastAddress += 1
            let address = registry.lastAddress
            let node = DeviceNode(bus: Self.bus, address: address)
            var error: UnsafeMutablePointer<GError>?
            guard umockdev_testbed_add_from_string(pointer, node.description(of: identity), &error) != 0 else {
                throw TestbedError.deviceRejected(consume(error))
            }
            guard let handler = umockdev_ioctl_base_new() else {
                umockdev_testbed_remove_device(pointer, node.sysfsPath)
                throw TestbedError.handlerRejected("umockdev_ioctl_base_new returned nothing")
            }
            connect(handler, to: emulator)
            guard umockdev_testbed_attach_ioctl(pointer, node.path, handler, &error) != 0 else {
                g_object_unref(handler)
                umockdev_testbed_remove_device(pointer, node.sysfsPath)
                throw TestbedError.handlerRejected(consume(error))
            }
            return VirtualDevice(testbed: self, node: node, identity: identity, handler: handler, emulator: emulator)
        }
    }

    /// Takes a device off the bus: its sysfs entry goes, and libusb sees a "remove" uevent.
    func remove(_ node: DeviceNode) {
        lock.withLock { _ in
            umockdev_testbed_remove_device(pointer, node.sysfsPath)
        }
    }
}

/// The message of a GError, which it frees.
private func consume(_ error: UnsafeMutablePointer<GError>?) -> String {
    guard let error else { return "no reason given" }
    defer { g_error_free(error) }
    return String(cString: error.pointee.message)
}

/// Routes the handler's "handle-ioctl" signal to `emulator`, which the connection keeps alive.
private func connect(_ handler: UnsafeMutablePointer<UMockdevIoctlBase>, to emulator: UsbfsEmulator) {
    let context = Unmanaged.passRetained(emulator).toOpaque()
    cumockdev_connect_handle_ioctl(
        handler,
        { _, client, context in
            guard let client, let context else { return 0 }
            let emulator = Unmanaged<UsbfsEmulator>.fromOpaque(context).takeUnretainedValue()
            emulator.handle(IoctlClient(retaining: client))
            return 1
        },
        context,
        { context, _ in
            guard let context else { return }
            Unmanaged<UsbfsEmulator>.fromOpaque(context).release()
        }
    )
}
