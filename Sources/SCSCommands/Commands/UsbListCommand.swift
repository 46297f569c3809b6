import ArgumentParser
import DeviceProfiles
import StimUSB

/// `scs usb list`: the stimulators attached over USB.
struct UsbListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the stimulators attached over USB.",
        discussion: """
            A stimulator is a USB device whose vendor and product ids are those of a loaded profile (`usb:`); \
            each is opened briefly to read its serial number. No stimulator is not an error.

            If a device cannot be opened for lack of permission, add a udev rule for vendor 0x1209:
              \(USBAdvice.udevRule)
            in /etc/udev/rules.d/70-scs-stimulators.rules, reload udev and plug the device in again.

            Exit status: 0 listed (or none found); 2 a stimulator could not be opened (permissions), or \
            libusb or the profiles could not be read.
            """)

    @OptionGroup var catalog: CatalogOptions
    @Flag(help: "Write one JSON document to stdout.") var json = false

    func run() throws {
        let context = try StimulatorDiscovery.makeContext()
        let found = try StimulatorDiscovery.find(in: context, profiles: try catalog.loadProfiles())
        let rows = found.map(StimulatorListing.init)
        if json {
            try JSONOutput.write(rows)
        } else if !rows.isEmpty {
            print(StimulatorListing.table(rows))
        }
        if found.isEmpty {
            // stdout holds only the JSON document with --json, so the advice then goes to stderr.
            let advice = "no stimulator found on USB. \(USBAdvice.noStimulator)"
            if json { Terminal.error(advice) } else { print(TextWidth.fitted(advice)) }
        }
        if let denied = found.first(where: { $0.info.openError == .access }) {
            throw InputError(USBTarget.location, USBAdvice.permission(node: denied.nodePath))
        }
    }
}
