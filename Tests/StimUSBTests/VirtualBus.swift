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

    /// Why the suite skips.
    static let skipMessage = Comment(
        rawValue: "needs the virtual USB bus: run under umockdev-wrapper, e.g. "
            + "`swift build --build-tests && umockdev-wrapper swift test --skip-build --filter StimUSBTests`"
    )

    /// Serial numbers unique within the process, so each test finds its own device.
    static func serialNumber(_ test: String) -> String {
        "SIM-\(test)"
    }
}
