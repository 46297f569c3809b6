import ArgumentParser
import StimSafety

/// The arguments of `write` and `check`: a slot, the program flags of `scs validate`, acknowledgements.
struct ProgramArguments: ParsableArguments {
    @Argument var slot: String
    @OptionGroup var program: ProgramOptions
    @Option var acknowledge: [String] = []

    func validate() throws {
        for id in acknowledge where RuleID(name: id) == nil {
            throw ValidationError("--acknowledge: '\(id)' is not a rule id")
        }
    }
}
