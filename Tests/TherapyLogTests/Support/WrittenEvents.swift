import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

// Recordings for the analyzer's tests are built from events and written by the one writer
// (`RecordingWriter`), as the simulated device, `simulate` and `import` write theirs; only the decoding
// tests write lines by hand. Times and quantities are written as decimal text, as a recording shows them.

/// A time written as in a recording (`2026-01-01T10:00:00Z`); a typo stops the run.
func at(_ text: String) -> Timestamp {
    guard let time = Timestamp(rfc3339: text) else { fatalError("test timestamp '\(text)' does not parse") }
    return time
}

/// A hand-written quantity; a typo stops the run.
func quantity<Quantity: FixedPoint>(_ text: String) -> Quantity {
    do {
        return try Quantity(parsing: text)
    } catch {
        fatalError("test literal '\(text)' does not parse as \(Quantity.unitSymbol): \(error)")
    }
}

/// A tonic program on contacts 1 (cathode) and 2 (anode), the worked examples' configuration; any
/// other member set through `adjust`.
func bipolarProgram(
    amplitude: String, pulseWidth: String, frequency: String, patientRange: (min: String, max: String)? = nil,
    adjust: (inout StimProgram) -> Void = { _ in }
) -> StimProgram {
    var program = StimProgram(
        amplitude: quantity(amplitude), pulseWidth: quantity(pulseWidth), rate: .frequency(quantity(frequency)),
        contacts: [ContactShare(.lead(1), quantity("-100")), ContactShare(.lead(2), quantity("100"))])
    program.patientRange = patientRange.map { PatientRange(min: quantity($0.min), max: quantity($0.max)) }
    adjust(&program)
    return program
}

extension TestRecordings {
    /// Analyses the recording of `device` from `start` to `end` holding `events` (time text, event),
    /// as the one writer writes it: the header is line 1 and each event the line after the one before.
    static func analyze(
        device: String = "tonic-16", start: String, _ events: [(String, RecordingEvent)], end: String,
        zone: ReportZone = .utc
    ) throws -> RecordingReport {
        let header = RecordingHeader(device: device, serial: "T-1", start: at(start))
        let text = RecordingWriter.text(header: header, events: events.map { (at($0.0), $0.1) }, end: at(end))
        return try analyze(temporary(text), zone: zone)
    }
}
