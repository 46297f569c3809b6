import Foundation
import Testing

/// A fresh empty folder outside the repository.
private func emptyFolder(_ name: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-\(name)-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// A folder holding a `tonic-16` whose amplitude stops at 4 mA (the built-in one goes to 25.5 mA) and
/// a new `my-tonic`.
private func userDevices() throws -> URL {
    let folder = try emptyFolder("devices")
    let tonic = try String(contentsOf: SCSProcess.root.appendingPathComponent("Devices/tonic-16.yaml"), encoding: .utf8)
    let capped = tonic.replacingOccurrences(of: "max: 25.5", with: "max: 4")
    #expect(capped != tonic)
    try capped.write(to: folder.appendingPathComponent("tonic-16.yaml"), atomically: true, encoding: .utf8)
    let mine = tonic.replacingOccurrences(of: "id: tonic-16", with: "id: my-tonic")
        .replacingOccurrences(of: "productId: 0x5C50", with: "productId: 0x5CF0")
    try mine.write(to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
    return folder
}

private let fiveMilliamps = [
    "validate", "--device", "tonic-16", "--amplitude", "5", "--pulse-width", "300", "--frequency", "50",
    "--contacts", "1-,2+",
]

@Suite("An installable scs: built-in profiles, a user's folder over them, completions")
struct InstalledToolTests {
    @Test func scriptsInstallPutsAnScsThatWorksFromAnEmptyDirectoryAndItsCompletionsUnderThePrefix() throws {
        let prefix = try emptyFolder("prefix")
        let install = Process()
        install.executableURL = SCSProcess.root.appendingPathComponent("scripts/install")
        install.arguments = [prefix.path]
        install.environment = ProcessInfo.processInfo.environment.merging(
            ["SCS_BIN_DIR": SCSProcess.executable.deletingLastPathComponent().path]) { $1 }
        install.standardOutput = FileHandle.nullDevice
        try install.run()
        install.waitUntilExit()
        #expect(install.terminationStatus == 0)
        for file in [
            "share/bash-completion/completions/scs", "share/zsh/site-functions/_scs",
            "share/fish/vendor_completions.d/scs.fish",
        ] {
            let text = try String(contentsOf: prefix.appendingPathComponent(file), encoding: .utf8)
            #expect(text.contains("---completion validate -- --device"), "\(file)")
        }
        // The copy runs far from the repository with SCS_DEVICES unset (SCSProcess removes it).
        let installed = prefix.appendingPathComponent("bin/scs")
        let empty = try emptyFolder("cwd")
        let devices = try SCSProcess.run(["devices"], in: empty, executable: installed)
        #expect(devices.status == 0, "\(devices.stderr)")
        #expect(devices.stdout.contains("tonic-16 — "))
        #expect(!devices.stdout.contains("from "))
        let validate = try SCSProcess.run(fiveMilliamps, in: empty, executable: installed)
        #expect(validate.status == 0, "\(validate.stderr)")
    }

    @Test func aUserFolderReplacesTheBuiltInProfileWithItsIdAndAddsItsOthersAndDevicesSaysSo() throws {
        let folder = try userDevices()
        #expect(try SCSProcess.run(fiveMilliamps).status == 0)
        for (flags, environment) in [(["--devices", folder.path], [:]), ([], ["SCS_DEVICES": folder.path])] {
            let capped = try SCSProcess.run(fiveMilliamps + flags, environment: environment)
            #expect(capped.status == 1, "the user's tonic-16 stops at 4 mA")
            let devices = try SCSProcess.run(["devices"] + flags, environment: environment)
            #expect(devices.stdout.contains("from \(folder.path)/tonic-16.yaml (replaces the built-in one)"))
            #expect(devices.stdout.contains("from \(folder.path)/mine.yaml\n"))
            #expect(devices.stdout.contains("burst-16-primary — "))
            let json = try SCSProcess.run(["devices", "--json"] + flags, environment: environment)
            let list = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            let replaced = list.filter { $0["replacesBuiltIn"] as? Bool == true }.compactMap { $0["id"] as? String }
            #expect(replaced == ["tonic-16"])
        }
        // --devices wins over SCS_DEVICES.
        let flagWins = try SCSProcess.run(
            fiveMilliamps + ["--devices", folder.path], environment: ["SCS_DEVICES": "/nonexistent"])
        #expect(flagWins.status == 1)
    }

    @Test func anScsDevicesThatNamesNoFolderIsBadInputNamingTheVariable() throws {
        let result = try SCSProcess.run(["devices"], environment: ["SCS_DEVICES": "/nonexistent/devices"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: SCS_DEVICES: /nonexistent/devices: cannot list the folder"))
    }

    @Test func deviceCompletionListsTheBuiltInIdsAndThoseOfTheDevicesFolderOnTheLine() throws {
        let builtIn = try SCSProcess.run([
            "---completion", "validate", "--", "--device", "3", "0", "scs", "validate", "--device", "",
        ])
        #expect(builtIn.status == 0)
        #expect(builtIn.stdout.split(separator: "\n").contains("tonic-16"))
        #expect(builtIn.stdout.split(separator: "\n").count == 7)
        let folder = try userDevices()
        let withMine = try SCSProcess.run([
            "---completion", "session", "--", "--device", "5", "0", "scs", "session", "--devices", folder.path,
            "--device", "",
        ])
        #expect(withMine.stdout.split(separator: "\n").contains("my-tonic"))
        #expect(withMine.stdout.split(separator: "\n").count == 8)
    }
}
