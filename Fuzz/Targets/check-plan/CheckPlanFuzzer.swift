import Foundation
import FuzzSupport
import SCSCommands

/// The `scs check` plan loader, on any text: every case read and checked before anything runs, with
/// `programFile` paths taken relative to the plan.
@main
enum CheckPlanFuzzer {
    static func main() {
        FuzzDriver.main(FuzzTarget(name: "check-plan", seeds: seeds, test: test))
    }

    @Sendable static func test(_ input: [UInt8]) {
        let plan = ScratchFolder.shared.write(input, to: "plan.yaml")
        _ = try? CheckPlan.read(file: plan.path)
    }

    /// The preset plan CI runs.
    @Sendable static func seeds() throws -> [Seed] {
        try Seed.files(under: "Tests/Plans", endingWith: [".yaml"])
    }
}
