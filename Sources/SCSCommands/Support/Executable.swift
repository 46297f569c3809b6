import DeviceProfiles
import Foundation

/// Executables this process finds and runs in its place: itself, its siblings, commands on `PATH`.
package enum Executable {
    /// The path of this process's executable, so that a re-run runs the same file.
    package static var current: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The path of the executable `name` installed in the same folder as this one.
    package static func sibling(_ name: String) -> String {
        URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// The first executable file named `name` in the directories of `PATH`.
    package static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").lazy.map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }

    /// Replaces this process with `path` run with `arguments` (`execv(3)`): same process id, standard
    /// streams, environment and exit status. Returns only by throwing, when it cannot be run.
    package static func replaceProcess(with path: String, arguments: [String], location: String) throws(InputError) {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        // execv returns only when it failed.
        let reason = String(cString: strerror(errno))
        argv.forEach { free($0) }
        throw InputError(location, "cannot run \(path): \(reason)")
    }
}
