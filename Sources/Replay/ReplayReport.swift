/// What a replay found: how many events it drove and every divergence between the recording and the
/// device, in the order met. The `--json` document of `scs replay`.
public struct ReplayReport: Encodable, Sendable {
    /// One difference between what the recording says and what the device did.
    public struct Divergence: Encodable, Equatable, Sendable {
        /// What kind of difference.
        public enum Kind: String, Encodable, Sendable {
            /// The device refused a command the recording shows applied.
            case refused
            /// The device accepted a command the recording shows refused.
            case accepted
            /// Both refused, for different rules.
            case rules
            /// The device reports another value than the recording (an amplitude).
            case value
            /// The device's state at the end differs from the recording's.
            case finalState
        }

        /// The recording's 1-based line.
        public var line: Int
        /// What kind of difference.
        public var kind: Kind
        /// The rule ids involved: those the device (or the host's check) gave, else the recording's.
        public var rules: [String]
        /// The difference in words, with the numbers.
        public var message: String
    }

    /// An event that was not driven as written, and why (not a divergence).
    public struct Note: Encodable, Equatable, Sendable {
        /// The recording's 1-based line.
        public var line: Int
        /// What was done instead, and why.
        public var message: String
    }

    /// The recording, as named to the replay.
    public var file: String
    /// The profile id of the device the replay is for.
    public var device: String
    /// The stimulator driven, as named in messages.
    public var target: String
    /// Commands sent to the device (writes, activations, amplitude changes, therapy, refusals).
    public var commands: Int
    /// Events that record what the device did by itself or measured (impedance, battery, charge,
    /// fault): not commands, so not driven.
    public var notDriven: Int
    /// Lines the reader skipped (see `scs analyze`).
    public var skippedLines: [Int]
    /// Every divergence, in the order met.
    public var divergences: [Divergence]
    /// Every event not driven as written, in the order met.
    public var notes: [Note]

    /// A report of nothing driven yet, for the replay of `file` (`skippedLines` by its reader) into
    /// `target`.
    public init(file: String, device: String, target: String, skippedLines: [Int]) {
        self.file = file
        self.device = device
        self.target = target
        commands = 0
        notDriven = 0
        self.skippedLines = skippedLines
        divergences = []
        notes = []
    }
}
