import DeviceProfiles
import Foundation
import Testing

@Suite("Finding the Devices folder")
struct DevicesFolderTests {
    static var repositoryRoot: URL { TestPaths.repositoryDevices.deletingLastPathComponent() }

    /// A fresh empty folder outside the repository, removed by the caller.
    static func emptyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("SCS_DEVICES wins over every other place")
    func environmentVariableWins() throws {
        let fixture = try TestPaths.fixture("minimal")
        let found = try DevicesFolder.locate(
            environment: ["SCS_DEVICES": fixture.path], currentDirectory: Self.repositoryRoot, executable: nil)
        #expect(found.standardizedFileURL.path == fixture.standardizedFileURL.path)
    }

    @Test("An SCS_DEVICES that names no folder of profiles is an error, not a silent fallback")
    func wrongEnvironmentVariableIsAnError() throws {
        let empty = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: CatalogError.self) {
            try DevicesFolder.locate(
                environment: ["SCS_DEVICES": empty.path], currentDirectory: Self.repositoryRoot, executable: nil)
        }
        #expect(throws: CatalogError.self) {
            try DevicesFolder.locate(
                environment: ["SCS_DEVICES": "/nonexistent/devices"], currentDirectory: Self.repositoryRoot,
                executable: nil)
        }
    }

    @Test("The folder is found by walking up from a subfolder of the current directory")
    func walksUpFromTheCurrentDirectory() throws {
        let nested = Self.repositoryRoot.appendingPathComponent("Sources/DeviceProfiles", isDirectory: true)
        let found = try DevicesFolder.locate(environment: [:], currentDirectory: nested, executable: nil)
        #expect(found.standardizedFileURL.path == TestPaths.repositoryDevices.standardizedFileURL.path)
    }

    @Test("The folder is found by walking up from the executable when the current directory has none")
    func walksUpFromTheExecutable() throws {
        let elsewhere = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let executable = Self.repositoryRoot.appendingPathComponent(".build/debug/scs")
        let found = try DevicesFolder.locate(environment: [:], currentDirectory: elsewhere, executable: executable)
        #expect(found.standardizedFileURL.path == TestPaths.repositoryDevices.standardizedFileURL.path)
    }

    @Test("When nothing is found the error lists where it looked")
    func notFoundListsThePlacesSearched() throws {
        let elsewhere = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let error = try #require(throws: CatalogError.self) {
            try DevicesFolder.locate(environment: [:], currentDirectory: elsewhere, executable: nil)
        }
        guard case .devicesFolderNotFound(let searched) = error else {
            Issue.record("expected devicesFolderNotFound, got \(error)")
            return
        }
        #expect(searched.count == 1)
        #expect(error.description.contains("SCS_DEVICES"))
    }

    @Test("The running test executable can be resolved")
    func runningExecutableResolves() {
        #expect(DevicesFolder.runningExecutable() != nil)
    }
}
