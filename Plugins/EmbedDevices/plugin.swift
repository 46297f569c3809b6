import Foundation
import PackagePlugin

/// Compiles the top-level `Devices/*.yaml` into the target that applies it, as a generated
/// `BundledProfileFiles.swift`, so that `Devices/` stays the one source of the bundled profiles and an
/// installed `scs` needs no folder beside it (`docs/cli.md` § Device profiles).
@main
struct EmbedDevices: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Devices")
        let profiles = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledProfileFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(profiles.count) device profiles from Devices/",
                executable: try context.tool(named: "embed-devices").url,
                arguments: [output.path] + profiles.map(\.path),
                inputFiles: [folder] + profiles,
                outputFiles: [output])
        ]
    }
}
