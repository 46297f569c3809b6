import ArgumentParser

/// `scs devices`: the profiles loaded, with their key limits.
struct DevicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices", abstract: "List the device profiles: key limits and how each numbers its contacts.")

    @OptionGroup var catalog: CatalogOptions
    @Flag(help: "Write one JSON document to stdout.") var json = false

    func run() throws {
        let summaries = DeviceSummary.of(try catalog.loadCatalog())
        if json {
            try JSONOutput.write(summaries)
        } else {
            print(TextWidth.fitted(DeviceSummary.text(summaries)))
        }
    }
}
