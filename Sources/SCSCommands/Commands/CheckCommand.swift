import ArgumentParser
import DeviceProfiles
import Foundation
import StimSafety

/// `scs check`: runs a plan of safety cases, each a test; CI fails when any case differs.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run a plan of safety cases (program, device, expected verdict and rule ids).",
        discussion: """
            Exit status 1 when any case differs from what the plan expects or cannot be run (an unknown \
            device, a bad program: an error case, and the other cases still run); 2 when the plan itself \
            cannot be read.
            """)

    @Argument(help: "The plan file (YAML or JSON).") var plan: String
    @Option(help: "Also write the results as JUnit XML to this file (- for standard output).") var junit: String?
    @Flag(help: "Write the results as one JSON document to stdout instead of text.") var json = false
    @OptionGroup var catalog: CatalogOptions

    func run() throws {
        if json, OutputFile.isStandardOutput(junit) {
            throw InputError("--junit -", "standard output already carries the --json document; give JUnit a file")
        }
        let plan = try CheckPlan.read(file: self.plan)
        let inputs = CommandInputs([self.plan, catalog.folder] + plan.programFiles)
        let output = try junit.map { path throws(InputError) in
            try OutputFile(path, location: "--junit \(path)", inputs: inputs)
        }
        let profiles = try catalog.loadProfiles()
        let results = CheckRunner.run(plan, profiles: profiles)
        if json {
            try JSONOutput.write(CheckReport(plan: self.plan, results: results))
        } else {
            let text = CheckText.render(results)
            if OutputFile.isStandardOutput(junit) { Terminal.aside(text) } else { print(text) }
        }
        if let output {
            try output.write(JUnitReport.render(suite: self.plan, results: results))
            try output.commit()
        }
        if results.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}
