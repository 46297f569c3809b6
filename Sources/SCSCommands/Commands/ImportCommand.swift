import ArgumentParser
import DeviceImport
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

    @Argument(help: "An RC+S session folder or a Percept session report (.json).") var path: String

    @Option(help: ArgumentHelp("The recording to write (.scsrec.jsonl).", valueName: "file")) var out: String

    @OptionGroup var catalog: CatalogOptions

    @Flag(help: "Print the import summary and notes as one JSON document.") var json = false

    func run() throws {
        let profiles = try ProfileSource.catalog(in: catalog.devices)
        guard let result = try DeviceLogImport.load(path, catalog: profiles) else {
            throw InputError(
                path, "not an RC+S session folder or a Percept session report (a recording needs no import)")
        }
        do {
            try Data(result.recordingText.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw InputError("--out \(out)", "cannot write the recording (\(error.localizedDescription))")
        }
        if json {
            try JSONOutput.write(ImportNotesJSON(result: result))
        } else {
            print(ImportNotesText.render(result).joined(separator: "\n"))
            print(
                "\nRecording of \(result.device) · serial \(result.serial) · \(result.start) → \(result.end) written to \(out)"
            )
        }
    }
}
