/// One fuzz target: what it does with an input, and where its first inputs come from.
///
/// An executable `fuzz-NAME` hands its target to ``FuzzDriver/main(_:)``, which either fuzzes it
/// (built with `-sanitize=fuzzer -DFUZZING`) or replays saved inputs through it.
public struct FuzzTarget: Sendable {
    /// The name `scripts/fuzz` knows the target by: `frames` for the executable `fuzz-frames`.
    public let name: String
    /// Runs one input. A crash, a trap, a sanitizer report or a failed ``fuzzExpect(_:_:)`` is a finding.
    public let test: @Sendable ([UInt8]) -> Void
    /// The seed inputs: the repository's fixtures (paths relative to its root, the current directory)
    /// or inputs made in code with the current encoders.
    public let seeds: @Sendable () throws -> [Seed]

    /// A target named `name` that runs `test` on each input, seeded with `seeds`.
    public init(
        name: String, seeds: @escaping @Sendable () throws -> [Seed], test: @escaping @Sendable ([UInt8]) -> Void
    ) {
        self.name = name
        self.seeds = seeds
        self.test = test
    }
}
