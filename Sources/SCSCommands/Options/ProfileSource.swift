import DeviceProfiles
import Foundation

/// Loads profiles for the commands, turning catalog errors into bad-input errors (exit 2).
package enum ProfileSource {
    /// The environment variable naming a folder of profiles when `--devices` is not given.
    static let environmentVariable = "SCS_DEVICES"

    /// The user's folder of profiles: `--devices` (`flag`), else `SCS_DEVICES` when set, with the name
    /// of where it was given; nil when neither is.
    static func userFolder(
        flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (path: String, givenBy: String)? {
        if let flag { return (flag, "--devices") }
        guard let path = environment[environmentVariable], !path.isEmpty else { return nil }
        return (path, environmentVariable)
    }

    /// The built-in profiles with the user's folder (`folder`, else `SCS_DEVICES`) over them: a
    /// profile there with a built-in id replaces the built-in one (`docs/cli.md` §1, Profiles).
    static func catalog(in folder: String?) throws(InputError) -> DeviceCatalog {
        let user = userFolder(flag: folder)
        do {
            let bundled = try DeviceCatalog.bundled()
            guard let user else { return bundled }
            return try bundled.overridden(by: DeviceCatalog(contentsOf: URL(fileURLWithPath: user.path)))
        } catch {
            // A folder's own problem is named by the flag or variable that chose it; a profile's by its file.
            switch error {
            case .unreadableFolder, .emptyFolder: throw InputError(user?.givenBy ?? "", error.description)
            case .profile(let error): throw error
            default: throw InputError("", error.description)
            }
        }
    }

    /// The profile `id` of the catalog `catalog(in: folder)` gives; an id it lacks is an error of
    /// `--device`.
    package static func profile(id: String, in folder: String?) throws(InputError) -> DeviceProfile {
        try AnalysisJob.profile(id, in: catalog(in: folder), location: "--device")
    }
}
