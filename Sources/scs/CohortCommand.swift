import ArgumentParser
import CohortStore
import DeviceProfiles
import RecordingFormat
import SCSCommands

/// `scs cohort`: usage, alerts, safety events, recharges and programs across the recordings a cohort
/// store keeps (`docs/cohort.md`).
struct CohortCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort",
        abstract: "Usage, alerts, safety events, recharges and programs across the recordings in a cohort store.",
        discussion: """
            A patient is a device serial. Usage counts UTC days: the therapy hours per recorded day and the \
            share of days with therapy, per patient and as a spread over the cohort (median, quartiles); a \
            day two recordings share counts once. --from/--to select the recordings with a recorded day in the \
            range and limit the usage figures to its days. Fill the store with `scs analyze --store`.
            """)

    @Option(
        help: ArgumentHelp(
            "The cohort store (sqlite:PATH or postgres://USER@HOST[:PORT]/DATABASE).", valueName: "store")) var store:
        String

    @Option(help: "Only recordings of this device profile id.") var device: String?
    @Option(help: "Only the recordings of this serial number.") var serial: String?
    @Option(help: ArgumentHelp("Only recorded days from this UTC day on.", valueName: "YYYY-MM-DD"))
    var from: String?
    @Option(help: ArgumentHelp("Only recorded days up to this UTC day.", valueName: "YYYY-MM-DD"))
    var to: String?
    @Option(help: ArgumentHelp("List the patients with therapy on fewer days than this share.", valueName: "percent"))
    var below = "50%"

    @Flag(help: "Write one JSON document to stdout.") var json = false
    @Flag(help: "Write one CSV table, a row per patient, to stdout.") var csv = false
    @Flag(help: "Write a self-contained HTML page to stdout.") var html = false

    func validate() throws {
        guard [json, csv, html].filter({ $0 }).count <= 1 else {
            throw ValidationError("give at most one of --json, --csv and --html")
        }
    }

    func run() throws {
        let filter = CohortFilter(
            device: device, serial: serial, from: try from.map { try Self.day($0, flag: "--from") },
            to: try to.map { try Self.day($0, flag: "--to") })
        let percent = try Self.percent(below)
        let cohort = try StoreLocation.open(store).cohort(filter, belowPercent: percent)
        if json {
            try JSONOutput.write(cohort)
        } else if csv {
            print(CohortCSV.render(cohort), terminator: "")
        } else if html {
            print(CohortHTML.render(cohort), terminator: "")
        } else {
            print(Terminal.escaped(CohortText.render(cohort), keepingLineBreaks: true))
        }
    }

    /// `text` when it is a real day written `YYYY-MM-DD`.
    private static func day(_ text: String, flag: String) throws(InputError) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int64($0) }
        if parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
            CivilDate(year: year, month: month, day: day).isoDate == text, (1...12).contains(month),
            (1...CivilDate.daysIn(month: month, year: year)).contains(day)
        {
            return text
        }
        throw InputError(flag, "expected a day as YYYY-MM-DD (got \(text))")
    }

    /// `50%` or `50` as 50; from 0 to 100.
    private static func percent(_ text: String) throws(InputError) -> Double {
        let number = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let value = Double(number), (0...100).contains(value) else {
            throw InputError("--below", "expected a percent from 0 to 100, such as 50% (got \(text))")
        }
        return value
    }
}
