import FileIO
import Foundation
import RecordingFormat
import StimSafety

/// Reads and analyses a recording in one pass.
public enum RecordingAnalysis {
    /// Streams the recording at `url` through a ``TherapyAnalyzer``, reading it with the ``StrictLineDecoder``.
    ///
    /// - Parameters:
    ///   - file: The name the report gives the file.
    ///   - zone: The zone whose days the report counts besides UTC's.
    ///   - limits: The device limits to judge the recording against, chosen from its header (which
    ///     may throw, for an unknown device).
    /// - Throws: ``RecordingError`` when the file is not a readable recording (or, strict, at the
    ///   first bad line), or what `limits` throws.
    public static func analyze(
        contentsOf url: URL, file: String, options: ReadingOptions = ReadingOptions(), zone: ReportZone = .utc,
        limits: (RecordingHeader) throws -> DeviceLimits
    ) throws -> RecordingReport {
        try analyze(input: try InputFile.recording(at: url), file: file, options: options, zone: zone, limits: limits)
    }

    /// Streams the open `input` (a file, a pipe or standard input) through a ``TherapyAnalyzer``, as
    /// ``analyze(contentsOf:file:options:zone:limits:)`` does.
    public static func analyze(
        input: InputFile, file: String, options: ReadingOptions = ReadingOptions(), zone: ReportZone = .utc,
        limits: (RecordingHeader) throws -> DeviceLimits
    ) throws -> RecordingReport {
        // The concrete decoder and the analyzer's visitor in one non-generic body inside this module,
        // so that the reader's loop is compiled for both: a caller in another module could only run the
        // generic code, which reaches the decoder through its witness table on every line, and a
        // generic body here leaves the visitor a closure call per line.
        let reader = try RecordingReader(input: input, decoder: StrictLineDecoder(), options: options)
        var analyzer = TherapyAnalyzer(
            file: file, header: reader.header, limits: try limits(reader.header), zone: zone)
        let outcome = try reader.read { analyzer.consume($0) }
        return analyzer.finish(outcome)
    }

    /// Streams the recording at `url` through a ``TherapyAnalyzer``, reading each line with `decoder`
    /// (a reference or a baseline to compare with).
    public static func analyze(
        contentsOf url: URL, file: String, options: ReadingOptions = ReadingOptions(),
        decoder: some RecordingLineDecoder, limits: (RecordingHeader) throws -> DeviceLimits
    ) throws -> RecordingReport {
        let reader = try RecordingReader(contentsOf: url, decoder: decoder, options: options)
        var analyzer = TherapyAnalyzer(file: file, header: reader.header, limits: try limits(reader.header))
        let outcome = try reader.read { analyzer.consume($0) }
        return analyzer.finish(outcome)
    }
}
