import DeviceProfiles
import Testing

/// Values a profile marks `# assumed` keep that mark once loaded.
@Suite("Assumed profile values")
struct AssumedFieldsTests {
    @Test func theShippedProfilesKeepTheirAssumedMarksByFieldPath() throws {
        let catalog = try TestPaths.shippedCatalog()
        let tonic = try catalog.profile(id: "tonic-16").assumedFields
        #expect(tonic.contains("battery.usableFraction"))
        #expect(tonic.contains("frequency.tonic.step"))
        #expect(tonic.contains("interphaseGap"))
        #expect(!tonic.contains("battery.capacity"))
        let primary = try catalog.profile(id: "burst-16-primary").assumedFields
        #expect(primary.contains("battery.minimumLongevityYears"))
        // "(used for recharge intervals only)" is not an assumption.
        #expect(!primary.contains("battery.usableFraction"))
    }

    @Test func aOneLineListIsAssumedAsAWholeAndOtherCommentsAreNot() throws {
        let yaml = """
            # "assumed" in a heading comment marks nothing
            id: test-assumed
            amplitude: {min: 0, max: 10, step: 0.1}   # Assumed
            pulseWidth: {min: 20, max: 1000, step: 10}
            frequency: {tonic: {min: 2, max: 1200, step: 1}}
            interphaseGap: 20
            leads:
              - name: A
                contacts: [1, 2, 3, 4]     # numbering assumed
                areaMM2: 12
            currentPerContactMax: 10
            complianceVoltage: 12
            impedance: {nominal: 800}
            battery: {kind: primary, capacity: 3000}   # a value # with "assumed" after a second hash
            """
        let profile = try DeviceProfile(yaml: yaml, path: "test.yaml")
        #expect(
            profile.assumedFields == [
                "amplitude.max", "amplitude.min", "amplitude.step", "battery.capacity", "battery.kind",
                "leads[0].contacts",
            ])
    }
}
