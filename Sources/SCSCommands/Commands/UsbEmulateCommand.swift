import ArgumentParser
import Foundation
import StimUSB
import USBTestbed

/// `scs usb emulate`: runs a command with virtual stimulators on a virtual USB bus.
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

            Needs umockdev (umockdev-wrapper); without it the command exits 2. Exit status: COMMAND's (128 + \
            the signal's number if a signal ended it); 2 bad input, or COMMAND could not be started.
            """)

    @OptionGroup var catalog: CatalogOptions

    @Option(help: "Device profile id of the virtual stimulators (see `scs devices`).")
    var device = "tonic-16"

    @Option(
        name: .customLong("serial"),
        help: "A virtual stimulator's serial number (repeat for several; default: one, \(defaultSerial)).")
    var serials: [String] = []

    /// The serial number of the one virtual stimulator plugged in when no --serial is given.
    static let defaultSerial = "EMU-0001"

    @Argument(parsing: .postTerminator, help: "The command to run, after `--`, and its arguments.")
    var command: [String] = []

    func validate() throws {
        guard !command.isEmpty else {
            throw ValidationError("give the command to run after `--`, e.g. scs usb emulate -- scs usb list")
        }
        if let serial = serials.first(where: { serial in serials.filter { $0 == serial }.count > 1 }) {
            throw ValidationError("--serial \(serial) is given twice; each virtual stimulator needs its own")
        }
    }

    func run() throws {
        let profile = try ProfileSource.profile(id: device, in: catalog.devices)
        try UmockdevPreload.ensureLoaded()
        let stimulators = try EmulatedStimulators(
            profile: profile, serials: serials.isEmpty ? [Self.defaultSerial] : serials)
        setenv(USBOptions.keysVariable, stimulators.keyFile, 1)
        for device in stimulators.devices {
            Terminal.error(
                "scs usb emulate: virtual \(device.identity.product) serial \(device.identity.serialNumber) on bus "
                    + "\(threeDigits(device.bus)) address \(threeDigits(device.address)) (\(device.identity.id))")
        }
        Terminal.error("scs usb emulate: keys in $\(USBOptions.keysVariable) = \(stimulators.keyFile)")
        let status: Int32
        do {
            status = try ChildProcess.run(command)
        } catch {
            throw InputError(command[0], cannotStart(error))
        }
        // The simulators answer the command's requests until it has ended.
        withExtendedLifetime(stimulators) {}
        throw ExitCode(status)
    }

    private func cannotStart(_ error: ChildProcess.SpawnError) -> String {
        guard error.code == ENOENT, command[0] == "scs" else { return "cannot run it: \(error.reason)" }
        return "not found on PATH; give the path of scs, e.g. \(UmockdevPreload.currentExecutable)"
    }
}
