import Foundation
import StimSafety
import Testing

@testable import SCSCommands

@Suite("scs devices and scs tour")
struct DevicesAndTourTests {
    @Test func devicesListsTheBundledProfilesAsJSON() throws {
        let result = try SCSProcess.run(["devices", "--json"])
        #expect(result.status == 0)
        let list = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(
            Set(list.compactMap { $0["id"] as? String }) == [
                "tonic-16", "burst-16-primary", "hf10k-16", "drg-4x4", "paddle-32", "research-ins-16", "percept-pc",
            ])
    }

    @Test func theBundledProfilesAreFoundFromAnyWorkingDirectory() throws {
        let result = try SCSProcess.run(["devices"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0)
        #expect(result.stdout.contains("tonic-16"))
    }

    @Test func anEmptyDevicesFolderIsBadInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-empty-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try SCSProcess.run(["devices", "--devices", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(folder.lastPathComponent))
    }

    @Test func theTourRunsOnTheBundledDefaults() throws {
        let result = try SCSProcess.run(["tour"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("REJECTED"))
        #expect(result.stdout.contains("Safe envelope"))
    }

    @Test func shorthandSplitsEvenlyInWholeFractionStepsFirstContactsTakingTheRest() throws {
        let shares = try ContactShorthand.parse("1-,2-,3-,4+", fractionStep: .init(units: 1))
        #expect(shares.map(\.percent.decimalText) == ["-34", "-33", "-33", "100"])
        let explicit = try ContactShorthand.parse("5-60,6-,case+", fractionStep: .init(units: 1))
        #expect(explicit.map(\.contact.description) == ["5", "6", "case"])
        #expect(explicit.map(\.percent.decimalText) == ["-60", "-40", "100"])
    }
}
