import RecordingFormat
import StimSafety

/// A string-valued field of the schema with a fixed set of spellings (`type`, `by`, `state`,
/// `waveform`, `recovery`): its raw values, and the list of them a wrong-type message gives.
protocol SchemaChoice: RawRepresentable, CaseIterable where RawValue == String {}

extension EventOrigin: SchemaChoice {}

extension ChargeState: SchemaChoice {}

extension Waveform: SchemaChoice {}

extension Recovery: SchemaChoice {}
