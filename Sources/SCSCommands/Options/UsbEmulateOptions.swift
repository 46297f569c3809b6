import ArgumentParser

/// The arguments of `scs usb emulate`: read by the `scs` subcommand, which hands them on, and by the
/// `scs-usb-emulate` executable, which plugs the virtual stimulators in and runs the command.
package struct UsbEmulateOptions: ParsableArguments {
    /// The executable beside `scs` that does the work, so that `scs` itself does not link umockdev.
    package static let executableName = "scs-usb-emulate"

    /// The serial number of the one virtual stimulator plugged in when no --serial is given.
    package static let defaultSerial = "EMU-0001"

    @OptionGroup package var catalog: CatalogOptions

    @Option(help: "Device profile id of the virtual stimulators (see `scs devices`).", completion: .deviceIDs)
    package var device = "tonic-16"

    @Option(
        name: .customLong("serial"),
        help: "A virtual stimulator's serial number (repeat for several; default: one, \(defaultSerial)).")
    package var serials: [String] = []

    @Argument(parsing: .postTerminator, help: "The command to run, after `--`, and its arguments.")
    package var command: [String] = []

    package init() {}

    package func validate() throws {
        guard !command.isEmpty else {
            throw ValidationError("give the command to run after `--`, e.g. scs usb emulate -- scs usb list")
        }
        if let serial = serials.first(where: { serial in serials.filter { $0 == serial }.count > 1 }) {
            throw ValidationError("--serial \(serial) is given twice; each virtual stimulator needs its own")
        }
    }

    /// The serial numbers of the virtual stimulators: those of --serial, else the default one.
    package var pluggedSerials: [String] { serials.isEmpty ? [Self.defaultSerial] : serials }

    /// These options as the command line that reads them back, for handing on.
    package var arguments: [String] {
        (catalog.devices.map { ["--devices", $0] } ?? []) + ["--device", device]
            + serials.flatMap { ["--serial", $0] } + ["--"] + command
    }
}
