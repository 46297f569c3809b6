import DeviceProfiles
import Testing

@Suite("Lead geometry in profiles")
struct LeadGeometryTests {
    @Test("The shipped percutaneous leads are 1.3 mm rings 3 mm long with 4 mm gaps, from domain-reference §2.1")
    func shippedPercutaneousLeads() throws {
        let catalog = try TestPaths.shippedCatalog()
        for id in ["tonic-16", "burst-16-primary", "hf10k-16"] {
            let geometry = try #require(try catalog.profile(id: id).geometry, "\(id)")
            #expect(
                geometry
                    == LeadGeometry(kind: .percutaneous, contactLength: 3, contactWidth: 1.3, spacing: 4), "\(id)")
        }
        let percept = try #require(try catalog.profile(id: "percept-pc").geometry)
        #expect(percept == LeadGeometry(kind: .percutaneous, contactLength: 1.5, contactWidth: 1.36, spacing: 0.5))
    }

    @Test("The shipped paddle is four columns of 3 × 2 mm pads, its gaps marked assumed")
    func shippedPaddle() throws {
        let profile = try TestPaths.shippedCatalog().profile(id: "paddle-32")
        #expect(
            profile.geometry
                == LeadGeometry(kind: .paddle, contactLength: 3, contactWidth: 2, spacing: 1, columnSpacing: 1))
        #expect(profile.assumedFields.contains("geometry.spacing"))
        #expect(profile.assumedFields.contains("geometry.columnSpacing"))
    }

    @Test("A profile without geometry loads with none, and one without a source for it ships none")
    func missingGeometryIsAbsent() throws {
        #expect(try DeviceProfile(yaml: minimalProfile, path: "x.yaml").geometry == nil)
        #expect(try TestPaths.shippedCatalog().profile(id: "drg-4x4").geometry == nil)
    }

    @Test("A paddle whose rows and columns match its leads loads with its pad size and gaps")
    func paddleMatchingItsLeadsLoads() throws {
        let yaml =
            minimalProfile
            + "geometry: {kind: paddle, rows: 4, columns: 2, contactLength: 4, contactWidth: 1.5, spacing: 0.5, "
            + "columnSpacing: 2.5}\n"
        let geometry = try DeviceProfile(yaml: yaml, path: "x.yaml").geometry
        #expect(
            geometry
                == LeadGeometry(kind: .paddle, contactLength: 4, contactWidth: 1.5, spacing: 0.5, columnSpacing: 2.5))
    }
}
