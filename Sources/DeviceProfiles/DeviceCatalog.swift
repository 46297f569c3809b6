import FileIO
import Foundation

/// Every device profile of a folder, sorted by id, looked up by id.
///
/// A catalog is all or nothing: one malformed profile or two files with the same id and nothing is
/// loaded, so a typo in one device's limits can never go unnoticed behind the others.
public struct DeviceCatalog: Sendable {
    /// The profiles, sorted by id.
    public let profiles: [DeviceProfile]
    /// The ids whose profile replaced an earlier one in ``overridden(by:)``.
    public private(set) var replacedIDs: Set<String> = []

    /// A catalog of profiles already loaded; two profiles with the same id, or the same USB ids, are an
    /// error naming both files.
    public init(profiles: [DeviceProfile]) throws(CatalogError) {
        var byID: [String: DeviceProfile] = [:]
        var byUSB: [USBIdentity: DeviceProfile] = [:]
        for profile in profiles {
            if let earlier = byID[profile.id] {
                throw .duplicateID(profile.id, first: earlier.sourcePath, second: profile.sourcePath)
            }
            byID[profile.id] = profile
            guard let usb = profile.usb else { continue }
            if let earlier = byUSB[usb] {
                throw .duplicateUSB(usb, first: earlier.sourcePath, second: profile.sourcePath)
            }
            byUSB[usb] = profile
        }
        self.profiles = profiles.sorted { $0.id < $1.id }
    }

    /// Loads every `*.yaml` file directly inside `folder` (files are read in name order).
    public init(contentsOf folder: URL) throws(CatalogError) {
        let folderPath = DeviceProfile.displayPath(for: folder)
        let files: [URL]
        do {
            files = try FolderEntries.names(in: folder.path).map { folder.appendingPathComponent($0) }
        } catch {
            throw .unreadableFolder(folderPath, reason: error.reason)
        }
        let profileFiles = files.filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !profileFiles.isEmpty else { throw .emptyFolder(folderPath) }
        var profiles: [DeviceProfile] = []
        for file in profileFiles {
            do {
                profiles.append(try DeviceProfile(contentsOf: file))
            } catch {
                throw .profile(error)
            }
        }
        try self.init(profiles: profiles)
    }

    /// The profiles compiled into `scs` from the repository's top-level `Devices/` (by the EmbedDevices
    /// build plugin), named `built-in Devices/FILE` in errors and listings.
    public static func bundled() throws(CatalogError) -> DeviceCatalog {
        var profiles: [DeviceProfile] = []
        for file in bundledProfileFiles {
            do {
                profiles.append(try DeviceProfile(yaml: file.text, path: "built-in Devices/\(file.name)"))
            } catch {
                throw .profile(error)
            }
        }
        return try DeviceCatalog(profiles: profiles)
    }

    /// This catalog with `other`'s profiles added, where a profile of `other` replaces the one here with
    /// the same id (a user's folder over the built-in profiles; `docs/cli.md` §1, Profiles).
    public func overridden(by other: DeviceCatalog) throws(CatalogError) -> DeviceCatalog {
        let ids = Set(other.ids)
        var catalog = try DeviceCatalog(profiles: profiles.filter { !ids.contains($0.id) } + other.profiles)
        catalog.replacedIDs = replacedIDs.union(ids.intersection(self.ids))
        return catalog
    }

    /// The ids, sorted.
    public var ids: [String] { profiles.map(\.id) }

    /// The profile with `id`; an unknown id is an error that lists the known ones.
    public func profile(id: String) throws(CatalogError) -> DeviceProfile {
        guard let profile = profiles.first(where: { $0.id == id }) else {
            throw .unknownID(id, known: ids)
        }
        return profile
    }
}
