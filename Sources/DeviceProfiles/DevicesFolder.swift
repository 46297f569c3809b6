import Foundation

/// Finds the bundled `Devices` folder wherever `scs` is run from.
///
/// The search order is: the `SCS_DEVICES` environment variable (which, when set, must name a folder of
/// profiles: a wrong setting is an error rather than a silent fallback), then a `Devices` folder in the
/// current directory or any of its parents, then one beside the executable or any of its parents
/// (which finds the repository's folder for `.build/debug/scs`). A candidate counts only when it holds
/// at least one `*.yaml` file.
public enum DevicesFolder {
    /// The environment variable that overrides the search.
    public static let environmentVariable = "SCS_DEVICES"
    /// The folder name looked for.
    public static let folderName = "Devices"

    /// The folder of profiles to use.
    ///
    /// - Parameters:
    ///   - environment: The process environment (injectable for tests).
    ///   - currentDirectory: Where the walk up starts first.
    ///   - executable: The running executable, whose folder the second walk up starts from.
    /// - Throws: ``CatalogError`` when `SCS_DEVICES` names no folder of profiles, or nothing was found.
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
        executable: URL? = runningExecutable()
    ) throws(CatalogError) -> URL {
        if let override = environment[environmentVariable], !override.isEmpty {
            let folder = URL(fileURLWithPath: override, isDirectory: true, relativeTo: currentDirectory)
                .standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                throw .unreadableFolder(folder.path, reason: "\(environmentVariable) names no folder")
            }
            guard containsProfiles(folder) else { throw .emptyFolder(folder.path) }
            return folder
        }
        var searched: [String] = []
        var starts = [currentDirectory.standardizedFileURL]
        if let executable { starts.append(executable.standardizedFileURL.deletingLastPathComponent()) }
        for start in starts {
            searched.append(start.path + " and its parents")
            if let found = searchUpward(from: start) { return found }
        }
        throw .devicesFolderNotFound(searched: searched)
    }

    /// Whether `folder` directly holds at least one `*.yaml` file.
    public static func containsProfiles(_ folder: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.contains { $0.hasSuffix(".yaml") }
    }

    /// The running executable's file with symbolic links resolved: `/proc/self/exe` on Linux, else
    /// the first command-line argument taken against the current directory.
    public static func runningExecutable() -> URL? {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: target)
        }
        guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return URL(fileURLWithPath: first, relativeTo: current).standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The first `Devices` folder with profiles in `start` or one of its parents.
    private static func searchUpward(from start: URL) -> URL? {
        var directory = start
        while true {
            let candidate = directory.appendingPathComponent(folderName, isDirectory: true)
            if containsProfiles(candidate) { return candidate }
            let parent = directory.deletingLastPathComponent().standardizedFileURL
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }
}
