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

    @Option(help: ArgumentHelp("The recording to write (.scsrec.jsonl).", valueName: "file")) var out: String

    func run() throws {
        guard Self.dayRange.contains(days) else {
            throw InputError("--days", "must be from 1 to 36525 (100 years) (got \(days))")
        }
        let profile = try device.loadProfile()
        let days = days
        let seed = seed
        let progress = ProgressBar(total: days, label: "simulating \(profile.id)")
        do {
            try Self.writeThroughTemporaryFile(out) { write in
                try AsyncBridge.run {
                    var model = Self.model(profile: profile, seed: seed)
                    try await model.run(days: days, progress: { progress.update($0) }, write: write)
                }
            }
        } catch let failure as WriteFailure {
            progress.finish()
            throw InputError("--out \(out)", failure.message)
        } catch {
            progress.finish()
            Terminal.error("error: the simulation of \(profile.id) stopped: \(error)")
            throw ExitCode(1)
        }
        progress.finish()
        print("\(days) days of \(profile.id) written to \(out)")
    }

    /// The model `scs simulate` runs: a fresh device of `profile`, with keys, clock and randomness
    /// all fixed by `seed`.
    static func model(profile: DeviceProfile, seed: UInt64) -> PatientModel {
        let configuration = SimulatorConfiguration(
            profileID: profile.id, model: profile.name, serial: "SIM-\(seed)", slotCount: profile.programs,
            limits: profile.limits)
        return PatientModel(configuration: configuration, seed: seed)
    }

    /// Why the output could not be written.
    struct WriteFailure: Error {
        var message: String

        /// The failure to do `doing`, for the reason the last system call's `errno` gives.
        static func ofLastCall(_ doing: String) -> WriteFailure {
            WriteFailure(message: "cannot \(doing): \(String(cString: strerror(errno)))")
        }
    }

    /// Hands `produce` a writer into a new temporary file beside `path`, then renames the file to `path`;
    /// when anything throws, the temporary file is removed and `path` is left as it was. The file is
    /// created before `produce` runs, so an unwritable folder fails before any work is done.
    ///
    /// - Throws: ``WriteFailure`` when the file cannot be created, written or renamed; whatever
    ///   `produce` throws.
    private static func writeThroughTemporaryFile(
        _ path: String, _ produce: (_ write: @escaping @Sendable ([UInt8]) throws -> Void) throws -> Void
    ) throws {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent().path
        let temporary = folder + "/." + target.lastPathComponent + "." + UUID().uuidString + ".partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteFailure.ofLastCall("create a file in \(folder)") }
        var isClosed = false
        var isRenamed = false
        defer {
            if !isClosed { close(descriptor) }
            if !isRenamed { unlink(temporary) }
        }
        try produce { bytes in
            try bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count, let base = buffer.baseAddress {
                    let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                    if written < 0, errno == EINTR { continue }
                    guard written > 0 else { throw WriteFailure.ofLastCall("write \(temporary)") }
                    offset += written
                }
            }
        }
        guard fsync(descriptor) == 0 else { throw WriteFailure.ofLastCall("write \(temporary)") }
        isClosed = true
        guard close(descriptor) == 0 else { throw WriteFailure.ofLastCall("write \(temporary)") }
        guard rename(temporary, path) == 0 else { throw WriteFailure.ofLastCall("rename \(temporary) to \(path)") }
        isRenamed = true
    }
}
