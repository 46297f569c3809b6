import DeviceProfiles
import FileIO
import StimDevice

/// The key files of `scs serve`, `scs session --keys` and `scs usb emulate`, read through ``InputFile``
/// and written through ``OutputFile``: readable and writable by their owner only.
package enum KeyFile {
    /// Reads the key store at `path`, named `location` in messages (`--keys FILE`).
    static func read(_ path: String, location: String) throws(InputError) -> DeviceKeyStore {
        let text: String
        do {
            text = try InputFile(path: path).readText(limit: 1 << 20)
        } catch {
            throw InputError(location, error.reason)
        }
        do {
            return try DeviceKeyStore(fileContents: text)
        } catch {
            throw InputError(location, error.description)
        }
    }

    /// Writes `keys` to `path` with mode 0600, replacing a file there whole or not at all.
    package static func write(_ keys: DeviceKeyStore, to path: String, location: String) throws(InputError) {
        try OutputFile.write(
            keys.fileContents, to: path, location: location, inputs: CommandInputs([]), permissions: 0o600)
    }
}
