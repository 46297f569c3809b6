import ArgumentParser
import DeviceProfiles
import StimSafety

/// `scs validate`: runs every safety rule on one program and says whether it would be sent.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check one program against a device's safety rules.",
        discussion: "Exit status 0 when the program would be sent (no errors, every warning acknowledged), else 1.")

    @OptionGroup var device: DeviceOptions
    @OptionGroup var program: ProgramOptions
    @OptionGroup var context: ContextOptions
    @Flag(help: "Write one JSON document to stdout.") var json = false

    func run() throws {
        let profile = try device.loadProfile()
        let program = try program.program(for: profile.limits)
        let validationContext = try context.context(for: profile)
        let validation = profile.limits.validate(program, context: validationContext)
        if json {
            try JSONOutput.write(
                ValidationReport(
                    device: profile.id, validation: validation, acknowledged: context.acknowledged,
                    assumedFields: profile.assumedFields))
        } else {
            print(
                TextWidth.fitted(
                    ValidationText.render(
                        profile: profile, program: program, validation: validation,
                        acknowledged: context.acknowledged)))
        }
        if !validation.maySend(acknowledging: context.acknowledged) { throw ExitCode(1) }
    }
}
