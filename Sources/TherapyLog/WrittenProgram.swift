import RecordingFormat
import StimSafety

/// A slot's program as the recording last wrote it: what the report shows as the slot's settings.
public struct WrittenProgram: Hashable, Sendable {
    /// The program slot.
    public var slot: Int
    /// The program as written (its amplitude the written one, not later adjustments).
    public var program: StimProgram
    /// Who wrote it.
    public var by: EventOrigin
    /// The 1-based line of the `program` event.
    public var line: Int
    /// When it was written.
    public var time: Timestamp
    /// How many times the recording wrote the slot.
    public var writes: Int
}
