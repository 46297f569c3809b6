import Foundation
import Testing

@testable import DeviceProfiles

@Suite("The built-in profiles and a user's folder over them")
struct BundledProfilesTests {
    @Test("The built-in profiles are the repository's Devices/*.yaml, byte for byte and in name order")
    func builtInProfilesAreTheDevicesFolder() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.repositoryDevices.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(bundledProfileFiles.map(\.name) == names)
        for file in bundledProfileFiles {
            let text = try String(
                contentsOf: TestPaths.repositoryDevices.appendingPathComponent(file.name), encoding: .utf8)
            #expect(file.text == text, "\(file.name) differs from its compiled-in copy")
        }
        let bundled = try DeviceCatalog.bundled()
        #expect(bundled.ids == (try TestPaths.shippedCatalog()).ids)
        #expect(bundled.profiles.allSatisfy { $0.sourcePath.hasPrefix("built-in Devices/") })
    }

    @Test("A folder's profile replaces the built-in one with its id, and its other profiles are added")
    func aFolderOverridesByIDAndAdds() throws {
        let renamed = minimalProfile.replacingOccurrences(of: "id: test-device", with: "id: tonic-16\nname: Mine")
        let mine = try DeviceCatalog(profiles: [
            DeviceProfile(yaml: renamed, path: "mine/tonic-16.yaml"),
            DeviceProfile(yaml: minimalProfile, path: "mine/test.yaml"),
        ])
        let bundled = try DeviceCatalog.bundled()
        let merged = try bundled.overridden(by: mine)
        #expect(merged.ids == (bundled.ids + ["test-device"]).sorted())
        let tonic = try merged.profile(id: "tonic-16")
        #expect(tonic.name == "Mine")
        #expect(tonic.sourcePath == "mine/tonic-16.yaml")
        #expect(merged.replacedIDs == ["tonic-16"])
    }

    @Test("A folder's new profile with a built-in model's USB ids is refused, naming both files")
    func aNewProfileWithABuiltInUSBIdentityIsRefused() throws {
        let clash = minimalProfile + "usb: {vendorId: 0x1209, productId: 0x5C50}\n"
        let mine = try DeviceCatalog(profiles: [DeviceProfile(yaml: clash, path: "mine/clash.yaml")])
        let error = try #require(throws: CatalogError.self) { try DeviceCatalog.bundled().overridden(by: mine) }
        #expect(error.description.contains("mine/clash.yaml: usb:"))
        #expect(error.description.contains("built-in Devices/tonic-16.yaml"))
    }
}
