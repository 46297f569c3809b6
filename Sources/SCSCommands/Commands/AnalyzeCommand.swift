import ArgumentParser
import DeviceImport
import DeviceProfiles
import FileIO
import Foundation
import RecordingFormat
import Report
import StimSafety
import TherapyLog

/// `scs analyze`: the report of `recording-format.md` §3 for each recording.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse therapy recordings: usage, programs, adjustments, charges, impedance and safety.",
        usage: "scs analyze [<files> ...] [--device <device>] [--tz <zone>] [--json | --html <out>] [<options>]",
        discussion: """
            Each program and amplitude event is re-validated against the recording's device profile. \
            Lenient by default: a bad line is a finding and reading goes on. --html writes one \
            self-contained page (inline SVG charts, nothing fetched) beside the terminal or JSON report.

            An RC+S session folder or a Percept session report is imported into the recording model \
            first (as `scs import` does) and its import notes join the report. Any other folder stands for \
            the recordings, Percept reports and RC+S session folders inside it, in name order. Several \
            recordings are analysed on every core at once and reported in the order given, each as soon as \
            it and those before it are done; one that cannot be read is an error line on stderr and the \
            others are still reported, with exit 2 (1 for a --strict stop).

            --batch (docs/batch.md) reads paths from standard input and writes a JSON line for each as soon as \
            it is done, for Spark's RDD.pipe(), Dask or xargs; it exits 0 when recordings failed (each line \
            says why) and 2 only for bad usage.

            Exit status: 0 read and analysed; 1 with --strict, any reading finding or import repair (the \
            first invalid line stops reading); 2 bad input (not a recording, a newer format version, an unknown \
            device, an unreadable, empty or binary file).
            """)

    @Argument(
        help: """
            Recordings to analyse (.scsrec.jsonl), RC+S session folders or Percept session reports (by content); \
            a pipe, a FIFO or - (standard input) is read as a stream.
            """)
    var files: [String] = []

    @Option(
        help: "Device profile id to judge every recording against, instead of its header's device.",
        completion: .deviceIDs)
    var device: String?

    @OptionGroup var catalog: CatalogOptions

    @Flag(help: "Stop at the first invalid line; exit 1 on any reading finding.")
    var strict = false

    @Flag(help: "Write one JSON document to stdout.") var json = false

    @Flag(help: "No progress on stderr (by default a bar on a terminal, else a line every 5 s).") var quiet = false

    @Option(
        name: .customLong("tz"),
        help: ArgumentHelp(
            "Count days and show times in this IANA time zone (e.g. Europe/Berlin); JSON instants stay UTC.",
            valueName: "zone"))
    var timeZone = ReportZone.utc.identifier

    @Option(
        name: .customLong("html"),
        help: ArgumentHelp(
            "Also write a self-contained HTML report with charts to this file (- for standard output, instead of the text report).",
            valueName: "out"))
    var htmlPath: String?

    @Flag(
        help: """
            Read the paths from standard input, one a line, and write one JSON line per recording as soon \
            as it is done (its report, or the error that stopped it); a failed recording never stops the batch.
            """)
    var batch = false

    @Option(help: "Recordings analysed at once (default: one per core).") var jobs = ProcessInfo.processInfo
        .activeProcessorCount

    @Option(
        help: ArgumentHelp(
            "Also keep each recording's report in this cohort store (sqlite:PATH or postgres://USER@HOST[:PORT]/DATABASE); the same content updates its row.",
            valueName: "store"))
    var store: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
        if batch {
            guard files.isEmpty else {
                throw ValidationError("--batch reads its paths from standard input; give no files")
            }
            guard htmlPath == nil else { throw ValidationError("--batch writes JSON lines; --html takes no part") }
            return
        }
        guard !files.isEmpty else { throw ValidationError("give at least one recording file") }
    }

    func run() async throws {
        if json, OutputFile.isStandardOutput(htmlPath) {
            throw InputError("--html -", "standard output already carries the --json document; give the report a file")
        }
        guard let zone = ReportZone(identifier: timeZone) else {
            throw InputError("--tz \(timeZone)", "unknown time zone; give an IANA name such as Europe/Berlin, or UTC")
        }
        let profiles = try ProfileSource.catalog(in: catalog.devices)
        let override = try device.map { id throws(InputError) in
            try AnalysisJob.profile(id, in: profiles, location: "--device")
        }
        let job = AnalysisJob(
            profiles: profiles, override: override, zone: zone, isStrict: strict,
            store: try store.map(ReportStores.open))
        if batch { return await job.analyzeBatch(width: jobs) }
        let paths = try RecordingPaths.expand(files)
        let inputs = CommandInputs(files + [catalog.folder])
        let html = try htmlPath.map { path throws(InputError) in
            try OutputFile(path, location: "--html \(path)", inputs: inputs)
        }
        var document = json ? AnalysisDocument() : nil
        let isText = !json && !OutputFile.isStandardOutput(htmlPath)
        var page: [Analysis] = []  // one page for every report: held until all are done
        var hasFindings = false
        var shown = 0
        let show = { (analysis: Analysis) throws in
            let imported = analysis.imported
            hasFindings = hasFindings || !analysis.report.findings.isEmpty || (imported?.hasReadingProblems ?? false)
            try document?.append(AnalyzedRecording(report: analysis.report, imported: imported))
            if html != nil { page.append(analysis) }
            if isText {
                var text = AnalysisText.render(analysis.report, profile: analysis.profile)
                if let imported { text += "\n\n" + ImportNotesText.render(imported).joined(separator: "\n") }
                print((shown == 0 ? "" : "\n") + TextWidth.fitted(text))
            }
            shown += 1
        }
        var status: Int32 = 0
        if paths.count == 1 {
            do {
                try show(try job.analyze(paths[0], quiet: quiet))
            } catch let stop as AnalysisJob.StrictStop {
                Terminal.error(stop.error)
                throw ExitCode(1)
            }
        } else {
            // Of several recordings, the good ones are reported and each bad one is an error line.
            let progress = ProgressBar(
                total: paths.count, label: "analysing", unit: "recordings", mode: ProgressBar.mode(quiet: quiet))
            await job.analyze(paths, width: jobs, progress: progress) { file, outcome in
                do {
                    try show(try outcome.get())
                } catch {
                    let failure = BatchEntry.Failure(error, path: file)
                    Terminal.error("error: " + failure.message)
                    status = max(status, failure.status)
                }
            }
        }
        document?.finish()
        if let html, !page.isEmpty {
            try AnalysisHTML.write(page) { try html.write($0) }
            try html.commit()
            if isText, let htmlPath { print("\nHTML report written to \(Terminal.escaped(htmlPath))") }
        }
        if status != 0 { throw ExitCode(status) }
        if strict, hasFindings { throw ExitCode(1) }
    }
}
