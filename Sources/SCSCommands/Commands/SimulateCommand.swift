import ArgumentParser
import DeviceProfiles
import Foundation
import StimDevice

/// `scs simulate`: a seeded patient-behaviour model against a simulated stimulator, written as a
/// recording.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate days of a patient's use of a stimulator and write the device's recording.",
        discussion: """
            The model: therapy on each morning and off each night, patient amplitude adjustments within \
            the patient range, afternoons on a second program, recharges for rechargeable devices, weekly \
            impedance checks, and now and then a request the device refuses. Simulated time runs on a \
            manual clock, so a month takes well under a second. The same seed gives the same file. The \
            recording is written a day at a time to a temporary file beside --out, renamed into place when \
            the simulation ends: memory does not grow with --days, and a simulation that stops leaves \
            --out as it was.

            Exit status: 0 written; 1 the simulation stopped (the device refused the model); 2 bad input \
            (unknown device, days outside 1 to 36525, a file that cannot be written).
            """)

    /// The days `--days` accepts: one day to a hundred years.
    static let dayRange = 1...36_525

    @OptionGroup var device: DeviceOptions

    @Option(help: "Number of days to simulate, from 1 to 36525 (100 years).") var days: Int

    @Option(help: "Seed of the model and the device's randomness.") var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The recording to write (.scsrec.jsonl); - for standard output.", valueName: "file"))
    var out: String

    @Flag(help: "No progress on stderr (by default a bar on a terminal, else a line every 5 s).") var quiet = false

    func run() async throws {
        guard Self.dayRange.contains(days) else {
            throw InputError("--days", "must be from 1 to 36525 (100 years) (got \(days))")
        }
        let profile = try device.loadProfile()
        // Opened before simulating, so that a place that cannot be written fails first; the events are
        // written to it as they are made, and an interrupted or failed run leaves nothing behind.
        let output = try OutputFile(out, location: "--out \(out)", inputs: CommandInputs([device.catalog.folder]))
        let days = days
        let seed = seed
        let progress = ProgressBar(
            total: days, label: "simulating \(profile.id)", unit: "days", mode: ProgressBar.mode(quiet: quiet))
        do {
            var model = Self.model(profile: profile, seed: seed)
            try await model.run(days: days, progress: { progress.update($0) }, write: { try output.write($0) })
            try output.commit()
        } catch {
            output.discard()
            progress.finish()
            if let error = error as? InputError { throw error }
            Terminal.error(InputError(profile.id, "the simulation stopped: \(error)"))
            throw ExitCode(1)
        }
        progress.finish()
        let summary = TextWidth.fitted(Terminal.escaped("\(days) days of \(profile.id) written to \(out)"))
        if OutputFile.isStandardOutput(out) { Terminal.aside(summary) } else { print(summary) }
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
