import ArgumentParser
import DeviceProfiles
import Foundation
import StimDevice

/// `scs simulate`: a seeded patient-behaviour model against a simulated stimulator, written as a
/// recording.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate days of a patient's use of a stimulator and write the device's recording.",
        discussion: """
            The model: therapy on each morning and off each night, patient amplitude adjustments within \
            the patient range, afternoons on a second program, recharges for rechargeable devices, weekly \
            impedance checks, and now and then a request the device refuses. Simulated time runs on a \
            manual clock, so a month takes well under a second. The same seed gives the same file.

            Exit status: 0 written; 1 the simulation stopped (the device refused the model); 2 bad input (unknown device, days not above 0, a file that cannot be written).
            """)

    @OptionGroup var device: DeviceOptions

    @Option(help: "Number of days to simulate (at least 1).") var days: Int

    @Option(help: "Seed of the model and the device's randomness.") var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The recording to write (.scsrec.jsonl).", valueName: "file")) var out: String

    func run() throws {
        guard days > 0 else { throw InputError("--days", "must be at least 1 (got \(days))") }
        let profile = try device.loadProfile()
        // Opened before simulating, so that a place that cannot be written fails first.
        let output = try OutputFile(out, location: "--out \(out)", inputs: CommandInputs([device.catalog.folder]))
        let days = days
        let seed = seed
        let progress = ProgressBar(total: days, label: "simulating \(profile.id)")
        let recording: [UInt8]
        do {
            recording = try AsyncBridge.run {
                var model = Self.model(profile: profile, seed: seed)
                return try await model.run(days: days) { progress.update($0) }
            }
        } catch {
            progress.finish()
            Terminal.error("error: the simulation of \(profile.id) stopped: \(error)")
            throw ExitCode(1)
        }
        progress.finish()
        try output.write(recording)
        try output.commit()
        print(Terminal.escaped("\(days) days of \(profile.id) written to \(out)"))
    }

    /// The model `scs simulate` runs: a fresh device of `profile`, with keys, clock and randomness
    /// all fixed by `seed`.
    static func model(profile: DeviceProfile, seed: UInt64) -> PatientModel {
        let configuration = SimulatorConfiguration(
            profileID: profile.id, model: profile.name, serial: "SIM-\(seed)", slotCount: profile.programs,
            limits: profile.limits)
        return PatientModel(configuration: configuration, seed: seed)
    }

}
