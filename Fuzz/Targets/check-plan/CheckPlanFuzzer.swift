import DeviceProfiles
import Foundation
import FuzzSupport
import SCSCommands

/// The `scs check` plan loader, on any text: the plan, then each case as `scs check` reads it against
/// the shipped devices, with `programFile` paths taken relative to the plan.
@main
enum CheckPlanFuzzer {
    static func main() {
        FuzzDriver.main(FuzzTarget(name: "check-plan", seeds: seeds, test: test))
    }

    static let catalog = FuzzDriver.prepare("the Devices catalog") { try DeviceCatalog.bundled() }

    @Sendable static func test(_ input: [UInt8]) {
        let file = ScratchFolder.shared.write(input, to: "plan.yaml")
        guard let plan = try? CheckPlan.read(file: file.path) else { return }
        for field in plan.cases {
            _ = try? CheckCase.read(field, profiles: catalog.profiles, directory: ScratchFolder.shared.url.path)
        }
    }

    /// The preset plan CI runs.
    @Sendable static func seeds() throws -> [Seed] {
        try Seed.files(under: "Tests/Plans", endingWith: [".yaml"])
    }
}
