import ArgumentParser
import DeviceProfiles
import Foundation

/// `scs tour`: the whole story on the bundled defaults, each step the command a newcomer would type,
/// run as `scs` runs it — the devices, a safe and an unsafe program with the reasons, a safe envelope,
/// a scripted programming session on the in-process simulator, months of a patient's use simulated to
/// a recording, and that recording analysed with an HTML report.
struct TourCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tour", abstract: "A guided tour on the bundled device profiles.",
        discussion: """
            Each step prints the command it runs, so every step can be run again on its own. The session \
            script, the recording and the HTML report are written to --out (created when missing).

            Exit status: 0 every step ended as shown; 1 a step did not; 2 bad input (unknown device, an \
            output folder that cannot be made).
            """)

    @OptionGroup var catalog: CatalogOptions
    @Option(help: "The device the tour programs.", completion: .deviceIDs) var device = "tonic-16"
    @Option(help: "Days of patient use to simulate, from 1 to 36525 (100 years).") var days = 90
    @Option(
        help: ArgumentHelp("Folder for the session script, the recording and the HTML report.", valueName: "dir"))
    var out = "out"

    func validate() throws {
        guard SimulateCommand.dayRange.contains(days) else {
            throw ValidationError("--days must be from 1 to 36525 (100 years) (got \(days))")
        }
    }

    func run() async throws {
        let profiles = try catalog.loadProfiles()
        guard profiles.contains(where: { $0.id == device }) else {
            throw InputError(
                "--device", "unknown device '\(device)' (known: \(profiles.map(\.id).joined(separator: ", ")))")
        }
        let files = TourFiles(folder: out, device: device, days: days)
        let inputs = CommandInputs([catalog.folder])
        try files.createFolder(inputs: inputs)
        try files.writeSessionScript(TourScript.session, inputs: inputs)
        do {
            for step in steps(files) { try await step.run() }
        } catch {
            Terminal.error(InputError("scs tour", "\(error)"))
            throw ExitCode(1)
        }
        print("\n" + Terminal.paint("Where things are", .bold) + "\n")
        print(
            Terminal.escaped(
                """
                session script  \(files.sessionScript)
                recording       \(files.recording)
                HTML report     \(files.report)  (one self-contained page: open it in any browser)
                """, keepingLineBreaks: true))
        print("\n" + Terminal.paint("Next", .bold) + "\n")
        let next = [
            ("scs session --device \(device)", "an interactive session (type help)"),
            ("scs replay \(files.recording) --target simulator --speed max", "the recording driven into a simulator"),
            ("scs check Tests/Plans/presets.yaml --junit check.xml", "safety presets as CI test cases"),
        ]
        let width = next.map(\.0.count).max() ?? 0
        for (command, what) in next {
            print(Terminal.escaped(command + String(repeating: " ", count: width - command.count) + "  # " + what))
        }
    }

    /// The steps, in order, on `device` with the files of `files`.
    private func steps(_ files: TourFiles) -> [TourStep] {
        let devices = catalog.devices.map { ["--devices", $0] } ?? []
        let on = ["--device", device] + devices
        let bipole = ["--pulse-width", "300", "--frequency", "50", "--contacts", "1-,2+"]
        return [
            TourStep(
                title: "1. The device profiles (Devices/*.yaml): what each stimulator can output",
                arguments: ["devices"] + devices, expectedStatus: 0),
            TourStep(
                title: "2. A safe program: 5 mA, 300 µs, 50 Hz on contacts 1− 2+",
                arguments: ["validate"] + on + ["--amplitude", "5"] + bipole, expectedStatus: 0),
            TourStep(
                title: "3. An unsafe program: 10 mA, 500 µs — rejected, with the reasons and the numbers (exit 1)",
                arguments: ["validate"] + on + ["--amplitude", "10", "--pulse-width", "500"]
                    + ["--frequency", "50", "--contacts", "1-,2+"],
                expectedStatus: 1),
            TourStep(
                title:
                    "4. The safe envelope of contacts 1− 2+: the largest safe amplitude per pulse width and frequency",
                arguments: ["envelope"] + on
                    + ["--contacts", "1-,2+", "--pulse-widths", "100,300,500,1000", "--frequencies", "50,600,1200"],
                expectedStatus: 0),
            TourStep(
                title:
                    "5. A programming session on the simulated stimulator, from \(files.sessionScript) (exit 1: one write is refused)",
                arguments: ["session"] + on + ["--script", files.sessionScript], expectedStatus: 1),
            TourStep(
                title: "6. \(days) days of a patient's use, simulated on a manual clock and written as a recording",
                arguments: ["simulate"] + on + ["--days", String(days), "--seed", "1", "--out", files.recording],
                expectedStatus: 0),
            TourStep(
                title: "7. The recording analysed, read strictly, with an HTML report",
                arguments: ["analyze", "--strict"] + devices + [files.recording, "--html", files.report],
                expectedStatus: 0),
        ]
    }
}
