import DeviceProfiles
import Foundation

/// Loads profiles for the commands, turning catalog errors into bad-input errors (exit 2).
package enum ProfileSource {
    /// The catalog of `folder`, or of the bundled `Devices/` when nil.
    static func catalog(in folder: String?) throws(InputError) -> DeviceCatalog {
        do {
            if let folder { return try DeviceCatalog(contentsOf: URL(fileURLWithPath: folder, isDirectory: true)) }
            return try DeviceCatalog.bundled()
        } catch {
            throw InputError("", error.description)
        }
    }

    static func profiles(in folder: String?) throws(InputError) -> [DeviceProfile] {
        try catalog(in: folder).profiles
    }

    package static func profile(id: String, in folder: String?) throws(InputError) -> DeviceProfile {
        do {
            return try catalog(in: folder).profile(id: id)
        } catch let error as CatalogError {
            throw InputError("--device", error.description)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError("--device", "\(error)")
        }
    }
}
