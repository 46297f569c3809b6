import StimSafety
import TherapyLog

extension ImportResult {
    /// The analysis of `recording-format.md` §3, made by the same analyzer as a recording file's:
    /// every `program` and `amplitude` event re-validated against `limits`, except by the contact rules
    /// where the source did not give a program's contacts: those are reported as not evaluated.
    ///
    /// - Parameters:
    ///   - file: The name the report gives the source.
    ///   - limits: The device limits to judge against: the profile the import names, or another.
    ///   - zone: The zone whose days the report counts besides UTC's.
    public func analyze(file: String, limits: DeviceLimits, zone: ReportZone = .utc) -> RecordingReport {
        var analyzer = TherapyAnalyzer(file: file, header: header, limits: limits, zone: zone)
        for (index, item) in items.enumerated() {
            analyzer.consume(item, contactsUnknown: index < events.count && events[index].contactsUnknown)
        }
        return analyzer.finish(outcome)
    }

    /// Whether a note says the source had to be repaired or partly skipped: what `--strict` fails on.
    public var hasReadingProblems: Bool {
        notes.contains { $0.kind == .repair || $0.kind == .skipped }
    }
}
