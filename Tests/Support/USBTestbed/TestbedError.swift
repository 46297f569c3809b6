/// Why the virtual USB bus or a device on it could not be set up.
public enum TestbedError: Error, Hashable, Sendable {
    /// The process was not started under `umockdev-wrapper`, so libumockdev-preload is not loaded.
    case notPreloaded

    /// umockdev could not create its testbed, or it is not in effect.
    case testbedUnavailable

    /// A string of the identity is not printable ASCII of at most 126 characters.
    case invalidIdentity(VirtualDeviceIdentity)

    /// umockdev refused the device description, with its message.
    case deviceRejected(String)

    /// umockdev could not attach the ioctl handler to the device node, with its message.
    case handlerRejected(String)

    /// All 126 device addresses of the virtual bus have been used in this process.
    case addressesExhausted
}

extension TestbedError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notPreloaded:
            "the virtual USB bus needs libumockdev-preload: run the command under umockdev-wrapper "
                + "(Debian package umockdev; scripts/install-deps installs it)"
        case .testbedUnavailable:
            "umockdev could not create its testbed (umockdev_testbed_new), or it is not in effect"
        case .invalidIdentity(let identity):
            "device strings must be printable ASCII of at most 126 characters: "
                + "\(identity.manufacturer) / \(identity.product) / \(identity.serialNumber)"
        case .deviceRejected(let message):
            "umockdev refused the device description: \(message)"
        case .handlerRejected(let message):
            "umockdev could not attach the ioctl handler: \(message)"
        case .addressesExhausted:
            "all 126 addresses of the virtual USB bus have been used in this process"
        }
    }
}
