import ArgumentParser
import DeviceProfiles
import StimDevice

/// `--socket PATH | --device ID`, or a stimulator on USB chosen by `--serial S`, with `--keys FILE` and
/// `--devices DIR`: the stimulator a session or a replay talks to (see ``SessionTarget``).
package struct TargetOptions: ParsableArguments {
    @Option(help: "Talk to the simulator `scs serve` runs on this Unix-domain socket.")
    package var socket: String?

    @Option(
        help:
            "Device profile id of a simulator to run in this process (see `scs devices`); replay: instead of the recording's device.",
        completion: .deviceIDs)
    package var device: String?

    @Option(
        help: """
            The key file of the served simulator (default: the socket's path + .keys) or of the USB \
            stimulator (default: $SCS_USB_KEYS, which `scs usb emulate` sets).
            """)
    var keys: String?

    @Option(
        name: .customLong("serial"),
        help: "The serial number of the stimulator on USB to use, when several are attached (see `scs usb list`).")
    var usbSerial: String?

    @OptionGroup package var catalog: CatalogOptions

    package init() {}

    /// The target: the stimulator on USB when `overUSB`, else the socket when given, else an in-process
    /// simulator of `--device`, else of `fallbackDevice` (a recording's device); `serial` is what an
    /// in-process simulator reports.
    package func resolve(
        fallbackDevice: String? = nil, serial: String = "SIM-0001", overUSB: Bool = false
    ) throws(InputError) -> SessionTarget {
        if overUSB {
            let (keys, keyFile) = try USBOptions.loadKeys(keys)
            return .usb(serial: usbSerial, keys: keys, keyFile: keyFile, profiles: try catalog.loadProfiles())
        }
        if let usbSerial {
            throw InputError("--serial \(usbSerial)", "chooses a stimulator on USB, which this target is not")
        }
        if let socket {
            let keyFile = keys ?? DemoKeys.defaultFile(forSocket: socket)
            return .socket(
                path: socket, keys: try DemoKeys.load(keyFile, flag: keys == nil ? "--socket \(socket)" : "--keys"),
                keyFile: keyFile, profiles: try catalog.loadProfiles())
        }
        guard let id = device ?? fallbackDevice else {
            throw InputError("", "give --socket PATH (a served simulator) or --device ID (one in this process)")
        }
        let profile = try ProfileSource.profile(id: id, in: catalog.devices)
        var generator = SystemRandomNumberGenerator()
        let keys = DeviceKeyStore.generate(using: &generator)
        let configuration = SimulatorConfiguration(
            profileID: profile.id, model: profile.name, serial: serial, slotCount: profile.programs,
            limits: profile.limits)
        return .simulator(SimulatedStimulator(configuration: configuration, keys: keys), keys: keys, profile: profile)
    }
}
