import ArgumentParser
import StimSafety

/// The arguments of `write` and `check`: a slot, the program flags of `scs validate`, acknowledgements.
struct ProgramArguments: ParsableArguments {
    @Argument var slot: String
    @OptionGroup var program: ProgramOptions
    @OptionGroup var acknowledgements: Acknowledgements
}

/// The arguments of `adjust`: an amplitude in mA and acknowledgements.
struct AdjustArguments: ParsableArguments {
    @Argument var amplitude: String
    @OptionGroup var acknowledgements: Acknowledgements
}

/// A session line's `--acknowledge RULE[,RULE]`, which may be repeated.
struct Acknowledgements: ParsableArguments {
    @Option var acknowledge: [String] = []

    private var names: [String] { acknowledge.flatMap { $0.split(separator: ",").map(String.init) } }

    /// The rules acknowledged.
    var rules: RuleSet { RuleSet(names.compactMap { RuleID(name: $0) }) }

    func validate() throws {
        for id in names where RuleID(name: id) == nil {
            throw ValidationError("--acknowledge: '\(id)' is not a rule id")
        }
    }
}
