import ArgumentParser

/// `scs usb`: stimulators over USB, real or virtual.
struct UsbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usb",
        abstract: "Find, emulate and connect to stimulators over USB.",
        subcommands: [UsbListCommand.self, UsbStatusCommand.self, UsbEmulateCommand.self])
}
