/// Why a folder of profiles could not be loaded, or a profile not found in it.
public enum CatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One profile failed to load; the catalog is not loaded at all.
    case profile(InputError)
    /// Two files declare the same id.
    case duplicateID(String, first: String, second: String)
    /// Two files declare the same USB vendor and product id, so a connected device would be ambiguous.
    case duplicateUSB(USBIdentity, first: String, second: String)
    /// No profile has this id.
    case unknownID(String, known: [String])
    /// The folder could not be listed.
    case unreadableFolder(String, reason: String)
    /// The folder holds no `*.yaml` file.
    case emptyFolder(String)

    public var description: String {
        switch self {
        case .profile(let error):
            error.description
        case .duplicateID(let id, let first, let second):
            "\(second): id: '\(id)' is already the id of \(first); ids must be unique"
        case .duplicateUSB(let usb, let first, let second):
            "\(second): usb: \(usb) is already the USB id of \(first); each model needs its own productId"
        case .unknownID(let id, let known):
            "unknown device '\(id)'; known devices: " + (known.isEmpty ? "none" : known.joined(separator: ", "))
        case .unreadableFolder(let folder, let reason):
            "\(folder): cannot list the folder: \(reason)"
        case .emptyFolder(let folder):
            "\(folder): holds no *.yaml device profile"
        }
    }
}
