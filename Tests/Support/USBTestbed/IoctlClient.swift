import CUMockdev

/// One open file descriptor of the emulated device in the client process, with the ioctl it is
/// waiting in (`UMockdevIoctlClient`).
///
/// Owns one GObject reference; the client waits until `complete(result:errno:)` is called, which
/// may happen later and on another thread.
final class IoctlClient: @unchecked Sendable {
    // @unchecked: umockdev_ioctl_client_complete is thread-safe; the rest is read while the client waits.
    let pointer: UnsafeMutablePointer<UMockdevIoctlClient>

    init(retaining pointer: UnsafeMutablePointer<UMockdevIoctlClient>) {
        g_object_ref(pointer)
        self.pointer = pointer
    }

    deinit {
        g_object_unref(pointer)
    }

    /// Identifies the client; unique while a reference keeps the client alive.
    var id: UInt {
        UInt(bitPattern: pointer)
    }

    /// The pending ioctl's request number (`umockdev_ioctl_client_get_request`).
    var request: UsbfsRequest {
        UsbfsRequest(rawValue: umockdev_ioctl_client_get_request(pointer))
    }

    /// The pending ioctl's argument, a pointer-sized value (`umockdev_ioctl_client_get_arg`).
    var argument: IoctlMemory {
        IoctlMemory(retaining: umockdev_ioctl_client_get_arg(pointer))
    }

    /// Whether the client still has the device open (`umockdev_ioctl_client_get_connected`).
    var isConnected: Bool {
        umockdev_ioctl_client_get_connected(pointer) != 0
    }

    /// Lets the client's ioctl return `result`, with `errno` set (`umockdev_ioctl_client_complete`).
    func complete(result: Int = 0, errno: Int32 = 0) {
        umockdev_ioctl_client_complete(pointer, result, errno)
    }
}
