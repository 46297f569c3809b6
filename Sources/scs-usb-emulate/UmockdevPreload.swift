import DeviceProfiles
import Foundation
import SCSCommands
import USBTestbed

/// Puts this process under umockdev's preload library (`libumockdev-preload`), which the virtual USB
/// bus needs in the process that holds it and in every process that uses it.
///
/// When the library is not loaded, the process replaces itself with the same command run by
/// `umockdev-wrapper`, which adds the library to `LD_PRELOAD`; children inherit it from there.
enum UmockdevPreload {
    /// Set across the re-exec, so that a wrapper that does not preload the library ends in an error,
    /// not in a loop.
    static let reexecMarker = "SCS_USB_EMULATE_REEXEC"

    /// Returns when the library is loaded; else re-executes this command under `umockdev-wrapper`,
    /// and returns only by throwing when that is impossible.
    static func ensureLoaded() throws(InputError) {
        if Testbed.isPreloaded {
            unsetenv(reexecMarker)
            return
        }
        guard getenv(reexecMarker) == nil else {
            throw InputError(
                "usb emulate", "umockdev-wrapper did not preload libumockdev-preload; reinstall umockdev")
        }
        guard let wrapper = Executable.onPath("umockdev-wrapper") else {
            throw InputError(
                "usb emulate",
                "umockdev-wrapper not found on PATH: install umockdev (Debian/Ubuntu: sudo apt-get install umockdev, "
                    + "or run scripts/install-deps)")
        }
        setenv(reexecMarker, "1", 1)
        try Executable.replaceProcess(
            with: wrapper, arguments: [Executable.current] + CommandLine.arguments.dropFirst(), location: "usb emulate")
    }
}
