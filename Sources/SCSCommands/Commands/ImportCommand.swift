import ArgumentParser
import DeviceImport
import DeviceProfiles
import Foundation

/// `scs import`: converts an RC+S session folder or a Percept session report into a recording.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert an RC+S session folder or a Percept session report into a recording.",
        discussion: """
            The kind of log is found from its content. The recording follows recording-format.md exactly, \
            so scs analyze and the HTML report read it like any other. What the log's format cannot express, \
            every repair of damaged JSON, impossible values and disagreements are printed as notes, never \
            invented into the recording.

            Exit status: 0 written; 2 bad input (a folder with none of the session files, JSON of another \
            kind, a file too damaged to repair, a recording given instead of a log, a file that cannot be \
            written).
            """)

    @Argument(
        help: "An RC+S session folder or a Percept session report (.json); - reads the report from standard input.")
    var path: String

    @Option(help: ArgumentHelp("The recording to write (.scsrec.jsonl); - for standard output.", valueName: "file"))
    var out: String

    @OptionGroup var catalog: CatalogOptions

    @Flag(help: "Print the import summary and notes as one JSON document.") var json = false

    func run() throws {
        // Refused before anything is read or written: the recording would already be on stdout.
        if json, OutputFile.isStandardOutput(out) {
            throw InputError("--json", "standard output already carries the recording (--out -); leave out --json")
        }
        let profiles = try ProfileSource.catalog(in: catalog.devices)
        let output = try OutputFile(out, location: "--out \(out)", inputs: CommandInputs([path, catalog.folder]))
        guard case .imported(let result) = try DeviceLogImport.load(path, catalog: profiles) else {
            throw InputError(
                path, "not an RC+S session folder or a Percept session report (a recording needs no import)")
        }
        try output.write(result.recordingText)
        try output.commit()
        if json {
            try JSONOutput.write(ImportNotesJSON(result: result))
        } else {
            // The notes' table escapes its own cells; only the summary line is escaped here.
            let text = TextWidth.fitted(
                ImportNotesText.render(result).joined(separator: "\n") + "\n\n"
                    + Terminal.escaped(
                        "Recording of \(result.device) · serial \(result.serial) · \(result.start) → \(result.end) "
                            + "written to \(out)"))
            if OutputFile.isStandardOutput(out) { Terminal.aside(text) } else { print(text) }
        }
    }
}
