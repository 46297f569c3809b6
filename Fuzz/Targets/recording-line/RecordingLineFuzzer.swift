import FuzzSupport
import TherapyLog

/// The recording line decoders, against each other: the scanner must read every line as the
/// Foundation reference does (an event exactly, a problem by its kind), which is what lets the
/// reader use the scanner.
///
/// Input: lines. The first is also decoded as a header (the same header, or errors of the same kind);
/// every line is decoded as an event, in order, by one scanner, so its memory of the last day is
/// exercised across lines.
@main
enum RecordingLineFuzzer {
    static func main() {
        FuzzDriver.main(FuzzTarget(name: "recording-line", seeds: seeds, test: test))
    }

    @Sendable static func test(_ input: [UInt8]) {
        let lines = input.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        var reference = FoundationLineDecoder()
        var scanner = ScanningLineDecoder()
        if let first = lines.first {
            let expected = first.withUnsafeBytes { bytes in
                Result { () throws(RecordingError) in try reference.decodeHeader(bytes) }
            }
            let actual = first.withUnsafeBytes { bytes in
                Result { () throws(RecordingError) in try scanner.decodeHeader(bytes) }
            }
            switch (expected, actual) {
            case (.success(let one), .success(let other)):
                fuzzExpect(one == other, "the header decodes to \(one) by Foundation, \(other) by the scanner")
            case (.failure(let one), .failure(let other)):
                fuzzExpect(
                    kind(of: one) == kind(of: other),
                    "the header is refused as \(one) by Foundation, \(other) by the scanner")
            default:
                fuzzExpect(false, "the header decodes to \(expected) by Foundation, \(actual) by the scanner")
            }
        }
        for line in lines {
            let expected = line.withUnsafeBytes { reference.decodeEvent($0) }
            let actual = line.withUnsafeBytes { scanner.decodeEvent($0) }
            switch (expected, actual) {
            case (.problem(let one, _), .problem(let other, _)):
                fuzzExpect(one == other, "a line is \(one) by Foundation, \(other) by the scanner: \(actual)")
            default:
                fuzzExpect(expected == actual, "a line decodes to \(expected) by Foundation, \(actual) by the scanner")
            }
        }
    }

    /// What kind of refusal a header error is; the messages may differ between the decoders.
    static func kind(of error: RecordingError) -> String {
        switch error.reason {
        case .notARecording: "notARecording"
        case .invalidHeader: "invalidHeader"
        default: "\(error.reason)"
        }
    }

    /// The lines of the shipped and the edge-case recordings, one seed each.
    @Sendable static func seeds() throws -> [Seed] {
        let recordings =
            try Seed.files(under: "Recordings", endingWith: [".scsrec.jsonl"])
            + Seed.files(under: "Tests/TherapyLogTests/Fixtures", endingWith: [".scsrec.jsonl", ".jsonl"])
        return Seed.lines(of: recordings)
    }
}
