import DeviceProfiles
import Foundation
import Testing

@Suite("The device catalog")
struct DeviceCatalogTests {
    @Test("Two files with the same id are refused, naming both files")
    func duplicateIDsAreRefused() throws {
        let folder = try TestPaths.fixture("duplicate-ids")
        let error = try #require(throws: CatalogError.self) { try DeviceCatalog(contentsOf: folder) }
        guard case .duplicateID(let id, let first, let second) = error else {
            Issue.record("expected a duplicate id, got \(error)")
            return
        }
        #expect(id == "twin")
        #expect(first.hasSuffix("duplicate-ids/first.yaml"))
        #expect(second.hasSuffix("duplicate-ids/second.yaml"))
        #expect(error.description.contains("second.yaml: id: 'twin'"))
        #expect(error.description.contains("first.yaml"))
    }

    @Test("One malformed file refuses the whole folder, naming that file and field")
    func oneBrokenFileRefusesTheFolder() throws {
        let folder = try TestPaths.fixture("one-broken")
        let error = try #require(throws: CatalogError.self) { try DeviceCatalog(contentsOf: folder) }
        guard case .profile(let profileError) = error else {
            Issue.record("expected a profile error, got \(error)")
            return
        }
        #expect(profileError.file.hasSuffix("one-broken/broken.yaml"))
        #expect(profileError.field == "leads[0].areaMM2")
    }

    @Test("Looking up an unknown id lists the known ids")
    func unknownIDListsKnownOnes() throws {
        let catalog = try TestPaths.shippedCatalog()
        let error = try #require(throws: CatalogError.self) { try catalog.profile(id: "tonic-17") }
        #expect(error == .unknownID("tonic-17", known: catalog.ids))
        #expect(error.description.contains("unknown device 'tonic-17'"))
        #expect(error.description.contains("drg-4x4, hf10k-16"))
    }

    @Test("A folder without profiles is refused")
    func emptyFolderIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: CatalogError.self) { try DeviceCatalog(contentsOf: folder) }
        #expect(error == .emptyFolder(folder.standardizedFileURL.path))
    }

    @Test("Two profiles with the same USB ids are refused")
    func duplicateUSBIsRefused() throws {
        let usb = "usb: {vendorId: 0x1209, productId: 0x5C50}\n"
        let first = try DeviceProfile(yaml: minimalProfile + usb, path: "a.yaml")
        let second = try DeviceProfile(
            yaml: minimalProfile.replacingOccurrences(of: "test-device", with: "other") + usb, path: "b.yaml")
        let error = try #require(throws: CatalogError.self) { try DeviceCatalog(profiles: [first, second]) }
        #expect(
            error == .duplicateUSB(USBIdentity(vendorId: 0x1209, productId: 0x5C50), first: "a.yaml", second: "b.yaml"))
    }

    @Test("A shipped profile carries the USB ids a connected device is matched by")
    func shippedProfileHasUSBIdentity() throws {
        let catalog = try TestPaths.shippedCatalog()
        #expect(try catalog.profile(id: "drg-4x4").usb == USBIdentity(vendorId: 0x1209, productId: 0x5C53))
    }
}
