import ArgumentParser
import DeviceProfiles
import Foundation
import SCSCommands
import USBTestbed

/// `scs-usb-emulate`: the work of `scs usb emulate`, which runs this executable in its place: plugs
/// virtual stimulators into umockdev's virtual USB bus and runs a command with that bus in view.
///
/// Its own executable so that `scs` does not link umockdev; the help users read is `scs usb emulate`'s.
struct EmulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: UsbEmulateOptions.executableName,
        abstract: "The virtual USB stimulators of `scs usb emulate` (see `scs usb emulate --help`).")

    @OptionGroup var options: UsbEmulateOptions

    func run() throws {
        let profile = try ProfileSource.profile(id: options.device, in: options.catalog.devices)
        try UmockdevPreload.ensureLoaded()
        let stimulators = try EmulatedStimulators(profile: profile, serials: options.pluggedSerials)
        setenv(USBOptions.keysVariable, stimulators.keyFile, 1)
        for device in stimulators.devices {
            Terminal.error(
                "scs usb emulate: virtual \(device.identity.product) serial \(device.identity.serialNumber) on bus "
                    + "\(threeDigits(device.bus)) address \(threeDigits(device.address)) (\(device.identity.id))")
        }
        Terminal.error("scs usb emulate: keys in $\(USBOptions.keysVariable) = \(stimulators.keyFile)")
        let command = options.command
        let status: Int32
        do {
            status = try ChildProcess.run(command)
        } catch {
            throw InputError(command[0], cannotStart(error, command: command))
        }
        // The simulators answer the command's requests until it has ended.
        withExtendedLifetime(stimulators) {}
        throw ExitCode(status)
    }

    private func cannotStart(_ error: ChildProcess.SpawnError, command: [String]) -> String {
        guard error.code == ENOENT, command[0] == "scs" else { return "cannot run it: \(error.reason)" }
        return "not found on PATH; give the path of scs, e.g. \(Executable.sibling("scs"))"
    }
}
