import FuzzSupport
import TherapyLog

/// The recording line decoder's two paths, against each other: a line the written-layout path reads
/// must decode to the same event as the strict parser and the schema make of it, and every line
/// decodes without a crash, whatever its bytes.
///
/// Input: lines. The first is also decoded as a header; every line is decoded as an event, in order,
/// by one decoder, so its memory of the last day is exercised across lines.
@main
enum RecordingLineFuzzer {
    static func main() {
        FuzzDriver.main(FuzzTarget(name: "recording-line", seeds: seeds, test: test))
    }

    @Sendable static func test(_ input: [UInt8]) {
        let lines = input.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        var decoder = StrictLineDecoder()
        if let first = lines.first {
            _ = first.withUnsafeBytes { bytes in
                Result { () throws(RecordingError) in try decoder.decodeHeader(bytes) }
            }
        }
        for line in lines {
            let decoded = line.withUnsafeBytes { decoder.decodeEvent($0) }
            let parsed = line.withUnsafeBytes { StrictLineDecoder.parsedEvent($0) }
            fuzzExpect(decoded == parsed, "a line decodes to \(decoded), but the parser's path makes \(parsed) of it")
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
