import ArgumentParser
import DeviceProfiles
import Foundation
import StimSafety

/// `--devices DIR`: a folder of profiles added to the built-in ones.
package struct CatalogOptions: ParsableArguments {
    @Option(
        help: """
            Folder of device profiles to add to the built-in ones; a profile with a built-in id replaces \
            it (default: $SCS_DEVICES).
            """, completion: .directory)
    package var devices: String?

    package init() {}

    /// The built-in profiles and the user's folder's, sorted by id.
    package func loadCatalog() throws(InputError) -> DeviceCatalog {
        try ProfileSource.catalog(in: devices)
    }

    /// Every profile, sorted by id.
    package func loadProfiles() throws(InputError) -> [DeviceProfile] {
        try loadCatalog().profiles
    }

    /// The user's folder of profiles (`--devices`, else `SCS_DEVICES`): an input of every command, so
    /// no output is written into it. Nil when there is none.
    var folder: String? { ProfileSource.userFolder(flag: devices)?.path }
}

/// `--device ID [--devices DIR]`.
struct DeviceOptions: ParsableArguments {
    @Option(help: "Device profile id (see `scs devices`).", completion: .deviceIDs)
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

    @OptionGroup var acknowledgements: Acknowledgements

    @Option(help: "The program slot (1-based) the program is for; a slot group's narrower limits then apply.")
    var slot: Int?

    func impedances(for limits: DeviceLimits) throws(InputError) -> MeasuredImpedances {
        guard let impedance else { return .none }
        return try ImpedanceDecoder.read(file: impedance, limits: limits)
    }

    var acknowledged: RuleSet { acknowledgements.rules }

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

extension CompletionKind {
    /// The ids of the built-in profiles and of the `--devices` folder on the line being completed (else
    /// `SCS_DEVICES`'s), for the shell completion of `--device`; only the built-in ids when that folder
    /// cannot be loaded.
    static var deviceIDs: CompletionKind {
        .custom { words, _, _ in
            let folder = words.lastIndex(of: "--devices").flatMap {
                words.indices.contains($0 + 1) ? words[$0 + 1] : nil
            }
            return (try? ProfileSource.catalog(in: folder).ids) ?? (try? DeviceCatalog.bundled().ids) ?? []
        }
    }
}
