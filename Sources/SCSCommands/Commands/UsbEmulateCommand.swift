import ArgumentParser
import DeviceProfiles
import Foundation

/// `scs usb emulate`: runs a command with virtual stimulators on a virtual USB bus.
///
/// The work is done by the `scs-usb-emulate` executable installed beside `scs`, which this command
/// becomes (same process), so that only that executable links umockdev.
struct UsbEmulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulate",
        abstract: "Run a command with a virtual stimulator attached over USB (no hardware needed).",
        discussion: """
            Plugs a simulated stimulator of --device into umockdev's virtual USB bus (one per --serial), \
            runs COMMAND with that bus in view and returns its exit status. The simulators live in this \
            process and answer the command's USB requests, which umockdev passes over a socket. The \
            devices' key file is in $SCS_USB_KEYS for the command.
              scs usb emulate -- scs usb list
              scs usb emulate --serial A-1 --serial B-2 -- scs usb status --serial B-2

            Needs umockdev (umockdev-wrapper) and the scs-usb-emulate executable installed beside scs; \
            without them the command exits 2. Exit status: COMMAND's (128 + the signal's number if a \
            signal ended it); 2 bad input, or COMMAND could not be started.
            """)

    @OptionGroup var options: UsbEmulateOptions

    func run() throws {
        let emulator = Executable.sibling(UsbEmulateOptions.executableName)
        guard access(emulator, X_OK) == 0 else {
            throw InputError(
                "usb emulate",
                "\(emulator) not found: scs usb emulate needs the \(UsbEmulateOptions.executableName) executable "
                    + "beside scs (swift build builds both)")
        }
        try Executable.replaceProcess(with: emulator, arguments: options.arguments, location: "usb emulate")
    }
}
