import DeviceProfiles
import Foundation
import FuzzSupport
import SCSCommands
import StimSafety

/// The program file loader (`--program FILE`, JSON or YAML), for every shipped device, and the safety
/// core on every program it accepts.
///
/// Beyond crashes: snapping to a device's grids moves values down, never up (design principle 5).
@main
enum ProgramFuzzer {
    static func main() {
        FuzzDriver.main(FuzzTarget(name: "program", seeds: seeds, test: test))
    }

    static let catalog = FuzzDriver.prepare("the Devices catalog") { try DeviceCatalog.bundled() }

    @Sendable static func test(_ input: [UInt8]) {
        guard let text = String(validating: input, as: UTF8.self),
            let field = try? YAMLField.parse(text, file: "program.yaml")
        else { return }
        for profile in catalog.profiles {
            guard let program = try? ProgramDecoder.decode(field, limits: profile.limits) else { continue }
            _ = profile.limits.validate(program)
            guard let snapped = profile.limits.snapDown(program)?.program else { continue }
            fuzzExpect(
                snapped.amplitude <= program.amplitude && snapped.pulseWidth <= program.pulseWidth,
                "\(profile.id) snaps \(program) up to \(snapped)")
        }
    }

    /// Every program of the preset plan (the file's cases), written out as a program file of its own.
    @Sendable static func seeds() throws -> [Seed] {
        let plans = try Seed.files(under: "Tests/Plans", endingWith: [".yaml"])
        var seeds: [Seed] = []
        for plan in plans {
            let text = String(decoding: plan.bytes, as: UTF8.self)
            for (index, line) in text.split(separator: "\n").enumerated() {
                guard let start = line.range(of: "program: ") else { continue }
                seeds.append(Seed(name: "\(plan.name)-\(index + 1)", bytes: Array(line[start.upperBound...].utf8)))
            }
        }
        seeds.append(
            Seed(
                name: "cycling.yaml",
                bytes: Array(
                    """
                    amplitude: 3
                    pulseWidth: 300
                    frequency: 50
                    contacts: {"1": -100, "2": 100}
                    cycling: {on: 60, off: 60}
                    patientRange: {min: 2, max: 4}
                    """.utf8)))
        return seeds
    }
}
