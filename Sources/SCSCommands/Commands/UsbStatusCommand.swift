import ArgumentParser
import StimDevice
import StimProtocol

/// `scs usb status`: connects to a stimulator over USB and shows what it reports.
struct UsbStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Connect to a stimulator over USB and show its identity and state.",
        discussion: """
            Opens an authenticated clinician session (the key comes from --keys, or $SCS_USB_KEYS, which \
            `scs usb emulate` sets), reads the state and closes the session. Try it without hardware:
              scs usb emulate -- scs usb status

            Exit status: 0 connected; 2 no stimulator, several without --serial, a device that does not \
            speak this protocol version, a refused key, or no permission to open the device.
            """)

    @OptionGroup var usb: USBOptions
    @OptionGroup var catalog: CatalogOptions
    @Flag(help: "Write one JSON document to stdout.") var json = false

    func run() async throws {
        let profiles = try catalog.loadProfiles()
        let programmer = try await usb.connect(profiles: profiles, role: .clinician)
        let status = StimulatorStatus(identity: programmer.identity, state: await programmer.lastState)
        await programmer.close()
        if json {
            try JSONOutput.write(status)
        } else {
            print(TextWidth.fitted(status.text))
        }
    }
}
