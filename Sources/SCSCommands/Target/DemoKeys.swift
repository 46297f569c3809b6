import DeviceProfiles
import Foundation
import StimDevice

/// The key file a served simulator and its sessions share: by default beside the socket
/// (`PATH.keys`), made with fresh keys the first time so that a demo needs no setup.
enum DemoKeys {
    /// The default socket path for `device`: `$TMPDIR/scs-DEVICE.sock`.
    static func defaultSocket(for device: String) -> String {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return URL(fileURLWithPath: folder).appendingPathComponent("scs-\(device).sock").path
    }

    /// The default key file for the simulator served at `socket`.
    static func defaultFile(forSocket socket: String) -> String {
        socket + ".keys"
    }

    /// Reads the key file at `path`, creating it with fresh keys (mode 0600) when there is none;
    /// `created` says which.
    static func loadOrCreate(_ path: String, flag: String) throws(InputError) -> (keys: DeviceKeyStore, created: Bool) {
        if FileManager.default.fileExists(atPath: path) { return (try load(path, flag: flag), false) }
        var generator = SystemRandomNumberGenerator()
        let keys = DeviceKeyStore.generate(using: &generator)
        try KeyFile.write(keys, to: path, location: "\(flag) \(path)")
        return (keys, true)
    }

    /// Reads the key file at `path`.
    static func load(_ path: String, flag: String) throws(InputError) -> DeviceKeyStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(
                "\(flag) \(path)", "no key file there; start the simulator with `scs serve` first, or give --keys FILE")
        }
        return try KeyFile.read(path, location: "\(flag) \(path)")
    }
}
