import ArgumentParser
import DeviceProfiles
import Foundation
import StimDevice
import StimProtocol
import StimUSB

/// `--serial S --keys FILE`: which stimulator on USB to use, and the key file to authenticate with.
package struct USBOptions: ParsableArguments {
    /// The environment variable naming the default key file; `scs usb emulate` sets it.
    package static let keysVariable = "SCS_USB_KEYS"

    @Option(help: "The serial number of the stimulator to use, when several are attached (see `scs usb list`).")
    var serial: String?

    @Option(help: "The stimulator's key file (default: $SCS_USB_KEYS, which `scs usb emulate` sets).")
    var keys: String?

    package init() {}

    /// The key store and the path of its file: `given` (`--keys`), else `$SCS_USB_KEYS`.
    static func loadKeys(_ given: String?) throws(InputError) -> (keys: DeviceKeyStore, file: String) {
        let environment = ProcessInfo.processInfo.environment[keysVariable].flatMap { $0.isEmpty ? nil : $0 }
        guard let path = given ?? environment else {
            throw InputError(
                "--keys",
                "a stimulator's key file is needed to open a session: give --keys FILE (under "
                    + "`scs usb emulate` it is set for you in $\(keysVariable))")
        }
        return (try KeyFile.read(path, location: given == nil ? "$\(keysVariable) \(path)" : "--keys \(path)"), path)
    }

    /// A programmer connected in `role` to the stimulator these options choose.
    func connect(profiles: [DeviceProfile], role: Role) async throws(InputError) -> Programmer {
        let (store, path) = try Self.loadKeys(keys)
        guard let key = store.key(for: role) else {
            throw InputError("--keys \(path)", "the file has no \(role) key")
        }
        let (transport, stimulator) = try USBTarget.open(serial: serial, profiles: profiles)
        return try await USBTarget.connect(
            over: transport, to: stimulator, role: role, key: key, keyFile: path, profiles: profiles)
    }
}
