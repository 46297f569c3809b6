import DeviceProfiles
import FuzzSupport
import StimDevice
import StimSafety

/// The device profile loader (`docs/device-profiles.md`), which every command runs over the Devices
/// folder, on any text; and the safety core on whatever limits a profile that loads describes.
///
/// A profile that loads must be usable: its sample program (the modest program a device accepts
/// without warnings, used by the conformance check) must be accepted as such.
@main
enum ProfileFuzzer {
    static func main() {
        FuzzDriver.main(FuzzTarget(name: "profile", seeds: seeds, test: test))
    }

    @Sendable static func test(_ input: [UInt8]) {
        guard let text = String(validating: input, as: UTF8.self),
            let profile = try? DeviceProfile(yaml: text, path: "fuzz.yaml")
        else { return }
        let limits = profile.limits
        guard let program = limits.sampleProgram() else { return }
        let validation = limits.validate(program, context: ValidationContext(slot: 1))
        fuzzExpect(
            validation.verdict == .accepted,
            "the sample program \(program) of a profile that loads is \(validation.verdict): \(validation.ruleIDs)")
    }

    /// The shipped profiles and those of the loader's tests.
    @Sendable static func seeds() throws -> [Seed] {
        try Seed.files(under: "Devices", endingWith: [".yaml"])
            + Seed.files(under: "Tests/DeviceProfilesTests/Fixtures", endingWith: [".yaml"])
    }
}
