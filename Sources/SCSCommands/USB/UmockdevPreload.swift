import Foundation
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
        guard let wrapper = executableOnPath("umockdev-wrapper") else {
            throw InputError(
                "usb emulate",
                "umockdev-wrapper not found on PATH: install umockdev (Debian/Ubuntu: sudo apt-get install umockdev, "
                    + "or run scripts/install-deps)")
        }
        setenv(reexecMarker, "1", 1)
        let argv = ([wrapper, currentExecutable] + CommandLine.arguments.dropFirst()).map { strdup($0) } + [nil]
        execv(wrapper, argv)
        // execv returns only when it failed.
        let reason = String(cString: strerror(errno))
        argv.forEach { free($0) }
        throw InputError("usb emulate", "cannot run \(wrapper): \(reason)")
    }

    /// The path of this process's executable, so that the wrapper runs the same `scs`.
    static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The first executable file named `name` in the directories of `PATH`.
    static func executableOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").lazy.map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }
}
