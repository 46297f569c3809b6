import ArgumentParser
import DeviceProfiles
import Foundation
import StimSafety

/// `--devices DIR`: the folder of profiles to load instead of the bundled `Devices/`.
package struct CatalogOptions: ParsableArguments {
    @Option(help: "Folder of device profiles to load instead of the bundled Devices/.")
    package var devices: String?

    package init() {}

    /// Every profile of the folder, sorted by id.
    func loadProfiles() throws(InputError) -> [DeviceProfile] {
        try ProfileSource.profiles(in: devices)
    }

    /// The folder the profiles are read from (`--devices`, or the bundled one found): an input of
    /// every command, so no output is written into it. Nil when there is none.
    var folder: String? { devices ?? (try? DevicesFolder.locate().path) }
}

/// `--device ID [--devices DIR]`.
struct DeviceOptions: ParsableArguments {
    @Option(help: "Device profile id (see `scs devices`).")
    var device: String

    @OptionGroup var catalog: CatalogOptions

    /// The selected profile.
    func loadProfile() throws(InputError) -> DeviceProfile {
        try ProfileSource.profile(id: device, in: catalog.devices)
    }
}

/// `--impedance FILE` and `--acknowledge RULE`…: what a validation knows beyond the program.
struct ContextOptions: ParsableArguments {
    @Option(help: "Measured impedances: a JSON or YAML map of contact to ohms.")
    var impedance: String?

    @Option(help: "A warning rule id to acknowledge (exact id; repeat for several).")
    var acknowledge: [String] = []

    @Option(help: "The program slot (1-based) the program is for; a slot group's narrower limits then apply.")
    var slot: Int?

    func validate() throws {
        for id in acknowledge where RuleID(name: id) == nil {
            throw ValidationError(
                "--acknowledge: '\(id)' is not a rule id (for example: shannon, chargeDensity, compliance)")
        }
    }

    func impedances(for limits: DeviceLimits) throws(InputError) -> MeasuredImpedances {
        guard let impedance else { return .none }
        return try ImpedanceDecoder.read(file: impedance, limits: limits)
    }

    var acknowledged: RuleSet { RuleSet(acknowledge.compactMap { RuleID(name: $0) }) }

    /// The context for `profile`: measured impedances, acknowledgements and the slot.
    func context(for profile: DeviceProfile) throws(InputError) -> ValidationContext {
        var chosen: Slot?
        if let slot {
            guard let valid = Slot(number: slot), slot <= profile.programs else {
                throw InputError("--slot", "\(profile.id) has slots 1…\(profile.programs) (got \(slot))")
            }
            chosen = valid
        }
        return ValidationContext(
            impedances: try impedances(for: profile.limits), acknowledged: acknowledged, slot: chosen)
    }
}
