import ArgumentParser
import StimSafety

/// `--acknowledge RULE[,RULE]`, which may be repeated: the warnings acknowledged, by exact rule id, for
/// `scs validate` and a session's `write`, `check` and `adjust` alike.
struct Acknowledgements: ParsableArguments {
    @Option(help: "A warning rule id to acknowledge (exact id; repeat, or separate with commas, for several).")
    var acknowledge: [String] = []

    private var names: [String] { acknowledge.flatMap { $0.split(separator: ",").map(String.init) } }

    /// The rules acknowledged.
    var rules: RuleSet { RuleSet(names.compactMap { RuleID(name: $0) }) }

    func validate() throws {
        for id in names where RuleID(name: id) == nil {
            throw ValidationError(
                "--acknowledge: '\(id)' is not a rule id (for example: shannon, chargeDensity, compliance)")
        }
    }
}
