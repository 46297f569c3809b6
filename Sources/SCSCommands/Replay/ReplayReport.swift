/// What a replay found: how many events it drove and every divergence between the recording and the
/// device, in the order met. The `--json` document of `scs replay`.
struct ReplayReport: Encodable {
    /// One difference between what the recording says and what the device did.
    struct Divergence: Encodable, Equatable {
        /// What kind of difference.
        enum Kind: String, Encodable {
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
        var line: Int
        var kind: Kind
        /// The rule ids involved: those the device (or the host's check) gave, else the recording's.
        var rules: [String]
        var message: String
    }

    /// An event that was not driven as written, and why (not a divergence).
    struct Note: Encodable, Equatable {
        var line: Int
        var message: String
    }

    var file: String
    var device: String
    var target: String
    /// Commands sent to the device (writes, activations, amplitude changes, therapy, refusals).
    var commands: Int
    /// Events that record what the device did by itself or measured (impedance, battery, charge,
    /// fault): not commands, so not driven.
    var notDriven: Int
    /// Lines the reader skipped (see `scs analyze`).
    var skippedLines: [Int]
    var divergences: [Divergence]
    var notes: [Note]
}
