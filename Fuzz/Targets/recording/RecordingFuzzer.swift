import DeviceProfiles
import Foundation
import FuzzSupport
import RecordingFormat
import StimSafety
import TherapyLog

/// The recording reader and the analysis behind `scs analyze`, on any file.
///
/// Input: a control byte, then the file. The file is read twice: in the reader's usual chunks, which
/// feeds the analyzer as `scs analyze` does, and in chunks of 1 … 16 bytes (the control byte's low
/// bits). Both must see the same header (or refuse the file alike), the same events, the same
/// findings on the same lines and the same end, since the reader's results may not depend on where
/// chunks end. Bit 4 lowers the line length limit to 256 bytes, so overlong lines are reached.
@main
enum RecordingFuzzer {
    static func main() {
        FuzzDriver.main(FuzzTarget(name: "recording", seeds: seeds, test: test))
    }

    static let catalog = FuzzDriver.prepare("the Devices catalog") { try DeviceCatalog.bundled() }

    /// What a read produced, comparable across chunk sizes: findings by line and kind.
    struct Reading {
        var header: RecordingHeader?
        var refusal: String?
        var events: [RecordedEvent] = []
        var findings: [String] = []
        var outcome: String?
    }

    @Sendable static func test(_ input: [UInt8]) {
        var cursor = InputCursor(input)
        let control = cursor.byte() ?? 0
        let file = ScratchFolder.shared.write(cursor.rest(), to: "input.scsrec.jsonl")
        let lineLimit = control & 0x10 == 0 ? 1 << 20 : 256
        var analyzed: RecordingReport?
        func analyze(
            _ reader: RecordingReader<StrictLineDecoder>, _ items: [RecordingItem], _ outcome: ReadingOutcome
        ) {
            let limits = (try? catalog.profile(id: reader.header.device).limits) ?? catalog.profiles[0].limits
            var analyzer = TherapyAnalyzer(file: "input.scsrec.jsonl", header: reader.header, limits: limits)
            for item in items { analyzer.consume(item) }
            analyzed = analyzer.finish(outcome)
        }
        let whole = read(
            file, decoder: StrictLineDecoder(), options: ReadingOptions(maximumLineLength: lineLimit), then: analyze)
        let small = read(
            file, decoder: StrictLineDecoder(),
            options: ReadingOptions(chunkSize: Int(control & 0x0F) + 1, maximumLineLength: lineLimit))
        expectSame(whole, small)
        if let report = analyzed {
            fuzzExpect(report.recordedHours >= 0, "the report spans \(report.recordedHours) hours")
            fuzzExpect(
                report.therapyHours <= report.recordedHours * (1 + 1e-9) + 1e-9,
                "\(report.therapyHours) hours of therapy in \(report.recordedHours) recorded")
        }
    }

    /// Fails on the first difference between the reading in whole chunks and the one in small chunks,
    /// naming it.
    static func expectSame(_ whole: Reading, _ small: Reading) {
        let differences = [
            ("header", "\(whole.header as Any)", "\(small.header as Any)"),
            ("refusal", "\(whole.refusal ?? "none")", "\(small.refusal ?? "none")"),
            ("event count", "\(whole.events.count)", "\(small.events.count)"),
            ("findings", "\(whole.findings)", "\(small.findings)"),
            ("outcome", "\(whole.outcome ?? "none")", "\(small.outcome ?? "none")"),
        ].filter { $0.1 != $0.2 }
        if let (what, one, other) = differences.first {
            fuzzExpect(false, "the \(what) differs: \(one) in whole chunks, \(other) in small chunks")
        }
        for (one, other) in zip(whole.events, small.events) where one != other {
            fuzzExpect(false, "an event differs: \(one) in whole chunks, \(other) in small chunks")
        }
    }

    static func read<Decoder: RecordingLineDecoder>(
        _ file: URL, decoder: Decoder, options: ReadingOptions,
        then analyze: (RecordingReader<Decoder>, [RecordingItem], ReadingOutcome) -> Void = { _, _, _ in }
    ) -> Reading {
        var reading = Reading()
        do {
            let reader = try RecordingReader(contentsOf: file, decoder: decoder, options: options)
            reading.header = reader.header
            var items: [RecordingItem] = []
            let outcome = try reader.read { item in items.append(item) }
            for item in items {
                switch item {
                case .event(let event): reading.events.append(event)
                case .finding(let finding): reading.findings.append("line \(finding.line): \(finding.kind.rawValue)")
                }
            }
            reading.outcome = "\(outcome.lineCount) lines to \(outcome.end), truncated \(outcome.isTruncated)"
            analyze(reader, items, outcome)
        } catch {
            reading.refusal = "\(error.line.map { "line \($0)" } ?? "file"): \(kind(of: error.reason))"
        }
        return reading
    }

    /// A refusal's kind.
    static func kind(of reason: RecordingError.Reason) -> String {
        switch reason {
        case .unreadable: "unreadable"
        case .notARecording: "notARecording"
        case .invalidHeader: "invalidHeader"
        case .invalidLine(let kind, _): "invalidLine \(kind.rawValue)"
        default: "\(reason)"
        }
    }

    /// The shipped and edge-case recordings, each read with the default control byte.
    @Sendable static func seeds() throws -> [Seed] {
        try Seed.files(under: "Recordings", endingWith: [".scsrec.jsonl"]).map { seed in
            Seed(name: seed.name, bytes: [0x07] + seed.bytes)
        }
    }
}
