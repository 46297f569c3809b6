import Foundation
import StimSafety

/// Reads and analyses a recording in one pass.
public enum RecordingAnalysis {
    /// Streams the recording at `url` through a ``TherapyAnalyzer``.
    ///
    /// - Parameters:
    ///   - file: The name the report gives the file.
    ///   - decoder: How each line is read: the scanner, or the Foundation reference it matches.
    ///   - limits: The device limits to judge the recording against, chosen from its header (which
    ///     may throw, for an unknown device).
    /// - Throws: ``RecordingError`` when the file is not a readable recording (or, strict, at the
    ///   first bad line), or what `limits` throws.
    public static func analyze(
        contentsOf url: URL, file: String, options: ReadingOptions = ReadingOptions(),
        decoder: some RecordingLineDecoder = ScanningLineDecoder(),
        limits: (RecordingHeader) throws -> DeviceLimits
    ) throws -> RecordingReport {
        let reader = try RecordingReader(contentsOf: url, decoder: decoder, options: options)
        var analyzer = TherapyAnalyzer(file: file, header: reader.header, limits: try limits(reader.header))
        let outcome = try reader.read { analyzer.consume($0) }
        return analyzer.finish(outcome)
    }
}
