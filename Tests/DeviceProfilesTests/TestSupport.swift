import DeviceProfiles
import Foundation
import StimSafety
import Testing

/// Where the test inputs live.
enum TestPaths {
    /// The repository's `Devices` folder, found from this file's location.
    static var repositoryDevices: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // DeviceProfilesTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository root
            .appendingPathComponent("Devices", isDirectory: true)
    }

    /// A folder of the bundled fixtures.
    static func fixture(_ name: String) throws -> URL {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return root.appendingPathComponent(name, isDirectory: true)
    }

    /// The shipped catalog.
    static func shippedCatalog() throws -> DeviceCatalog {
        try DeviceCatalog(contentsOf: repositoryDevices)
    }
}

/// Exact quantities from decimal text, for readable programs.
func mA(_ text: String) throws -> Nanoamps { try Nanoamps(parsing: text) }
func us(_ text: String) throws -> Nanoseconds { try Nanoseconds(parsing: text) }
func hz(_ text: String) throws -> Millihertz { try Millihertz(parsing: text) }

/// A bipolar contact map: `cathode` at −100 %, `anode` at +100 %.
func bipole(_ cathode: ContactID, _ anode: ContactID) -> [ContactShare] {
    [ContactShare(cathode, Percent(units: -100)), ContactShare(anode, Percent(units: 100))]
}

/// The smallest valid profile text, which the malformed-profile cases edit one line at a time.
let minimalProfile = """
    id: test-device
    amplitude: {min: 0, max: 10, step: 0.1}
    pulseWidth: {min: 20, max: 1000, step: 10}
    frequency:
      tonic: {min: 2, max: 1200, step: 1}
    interphaseGap: 20
    leads:
      - {name: A, contacts: [1, 2, 3, 4], areaMM2: 12.25}
      - {name: B, contacts: [5, 6, 7, 8], areaMM2: 12.25}
    currentPerContactMax: 12.7
    complianceVoltage: 12
    impedance: {nominal: 800}
    battery: {kind: rechargeable, capacity: 300}

    """
