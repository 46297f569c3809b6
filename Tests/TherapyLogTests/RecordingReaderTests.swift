import Foundation
import RecordingFormat
import Testing

@testable import TherapyLog

@Suite("Reading recordings")
struct RecordingReaderTests {
    typealias R = TestRecordings

    static let header = R.header("2026-01-01T00:00:00Z")
    static let end = #"{"t":"2026-01-02T00:00:00Z","type":"end"}"#

    /// Every item the reader hands on, and its outcome.
    static func read(
        _ data: Data, options: ReadingOptions = ReadingOptions()
    ) throws -> (items: [RecordingItem], outcome: ReadingOutcome) {
        let reader = try RecordingReader(contentsOf: R.temporary(data), options: options)
        var items: [RecordingItem] = []
        let outcome = try reader.read { items.append($0) }
        return (items, outcome)
    }

    static func read(_ text: String, options: ReadingOptions = ReadingOptions()) throws -> (
        items: [RecordingItem], outcome: ReadingOutcome
    ) {
        try read(Data(text.utf8), options: options)
    }

    static func reason(_ body: () throws -> Void) -> RecordingError.Reason? {
        do {
            try body()
            return nil
        } catch {
            return (error as? RecordingError)?.reason
        }
    }

    @Test func anEmptyFileIsNotARecording() {
        #expect(Self.reason { _ = try Self.read("") } == .empty)
    }

    @Test func anExecutableIsNotARecordingAndTheReasonNamesItsFormat() {
        guard
            case .binary(let why)? = Self.reason({
                _ = try Self.read(Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x0A]))
            })
        else {
            Issue.record("expected a binary file")
            return
        }
        #expect(why.contains("an ELF executable"))
    }

    @Test func aUTF16ByteOrderMarkIsNotARecordingAndTheReasonSaysUTF16() {
        guard case .binary(let why)? = Self.reason({ _ = try Self.read(Data([0xFF, 0xFE, 0x41, 0x0A])) }) else {
            Issue.record("expected a binary file")
            return
        }
        #expect(why.contains("UTF-16"))
    }

    @Test(arguments: [
        "time,amplitude\n08:00,4.5\n", #"{"type":"header","format":"other-log","version":1}"# + "\n",
        #"{"t":"2026-01-01T00:00:00Z","type":"therapy","on":true,"by":"patient"}"# + "\n", "\n" + header + "\n",
        "[]\n",
    ])
    func aFileThatDoesNotStartWithARecordingHeaderIsNotARecording(_ text: String) {
        guard case .notARecording? = Self.reason({ _ = try Self.read(text) }) else {
            Issue.record("expected not-a-recording for \(text.debugDescription)")
            return
        }
    }

    @Test func aNewerVersionIsAnErrorOnLineOne() {
        let header =
            #"{"type":"header","format":"scs-recording","version":7,"device":"x","serial":"s","start":"2026-01-01T00:00:00Z"}"#
        #expect(throws: RecordingError(line: 1, reason: .newerVersion(7))) { _ = try Self.read(header + "\n") }
    }

    static let badHeaders: [(String, String)] = [
        (#""version":1,"serial":"s","start":"2026-01-01T00:00:00Z""#, "missing field 'device'"),
        (#""version":1,"device":"d","serial":"s","start":"yesterday""#, "field 'start' must be an RFC 3339"),
        (#""version":"1","device":"d","serial":"s","start":"2026-01-01T00:00:00Z""#, "field 'version' must be"),
        (#""version":0,"device":"d","serial":"s","start":"2026-01-01T00:00:00Z""#, "field 'version' must be 1 or more"),
    ]

    @Test(arguments: badHeaders)
    func aHeaderWithAMissingOrWrongFieldIsAnInvalidHeader(_ fields: String, _ message: String) {
        let header = #"{"type":"header","format":"scs-recording","# + fields + "}"
        guard case .invalidHeader(let reason)? = Self.reason({ _ = try Self.read(header + "\n") }) else {
            Issue.record("expected an invalid header")
            return
        }
        #expect(reason.hasPrefix(message))
    }

    @Test func aMissingFileIsUnreadable() {
        let missing = URL(fileURLWithPath: "/nonexistent/\(UUID().uuidString).scsrec.jsonl")
        guard case .unreadable? = Self.reason({ _ = try RecordingReader(contentsOf: missing) }) else {
            Issue.record("expected unreadable")
            return
        }
    }

    @Test func aFolderIsUnreadable() throws {
        let folder = try R.temporary("x").deletingLastPathComponent()
        guard case .unreadable? = Self.reason({ _ = try Self.readFolder(folder) }) else {
            Issue.record("expected unreadable")
            return
        }
    }

    static func readFolder(_ folder: URL) throws {
        let reader = try RecordingReader(contentsOf: folder)
        _ = try reader.read { _ in }
    }

    @Test func aByteOrderMarkCarriageReturnsAndAMissingFinalNewlineAreAccepted() throws {
        let text =
            "\u{FEFF}" + Self.header + "\r\n" + #"{"t":"2026-01-01T01:00:00Z","type":"battery","percent":80}"# + "\r\n"
            + Self.end
        let (items, outcome) = try Self.read(text)
        #expect(items.count == 2)
        #expect(!outcome.isTruncated)
        #expect(outcome.lineCount == 3)
    }

    @Test func aRecordingWithoutAnEndLineIsTruncatedAtItsLastEvent() throws {
        let text = Self.header + "\n" + #"{"t":"2026-01-01T05:00:00Z","type":"battery","percent":80}"# + "\n"
        let (items, outcome) = try Self.read(text)
        #expect(outcome.isTruncated)
        #expect(outcome.end == Timestamp(rfc3339: "2026-01-01T05:00:00Z"))
        #expect(
            items.last
                == .finding(
                    ReadingFinding(
                        line: 2, kind: .truncated,
                        message:
                            "no end line: the recording is truncated and its span closes at the last event, 2026-01-01T05:00:00Z"
                    )))
    }

    @Test func aHeaderOnlyRecordingIsTruncatedAtItsStart() throws {
        let (_, outcome) = try Self.read(Self.header + "\n")
        #expect(outcome.isTruncated)
        #expect(outcome.end == Timestamp(rfc3339: "2026-01-01T00:00:00Z"))
        #expect(outcome.lineCount == 1)
    }

    @Test func anEventBeforeTheHeadersStartIsOutOfOrderAndAppliedAtTheStart() throws {
        let text = Self.header + "\n" + #"{"t":"2025-12-31T23:00:00Z","type":"battery","percent":80}"# + "\n" + Self.end
        let (items, _) = try Self.read(text)
        guard case .finding(let finding) = items.first, case .event(let event) = items.dropFirst().first else {
            Issue.record("expected a finding and then the event")
            return
        }
        #expect(finding.kind == .outOfOrder)
        #expect(event.time == Timestamp(rfc3339: "2025-12-31T23:00:00Z"))
        #expect(event.appliedAt == Timestamp(rfc3339: "2026-01-01T00:00:00Z"))
    }

    @Test func aLineLongerThanTheLimitIsAFindingAndIsNeverHeldWhole() throws {
        let long =
            #"{"t":"2026-01-01T01:00:00Z","type":"fault","code":"x","detail":""# + String(repeating: "a", count: 5000)
            + #""}"#
        let text = Self.header + "\n" + long + "\n" + Self.end + "\n"
        let options = ReadingOptions(chunkSize: 256, maximumLineLength: 1024)
        let (items, outcome) = try Self.read(text, options: options)
        guard case .finding(let finding) = items.first else {
            Issue.record("expected a finding")
            return
        }
        #expect(finding.line == 2)
        #expect(finding.kind == .invalidJSON)
        #expect(finding.message.contains("\(long.utf8.count) bytes long"))
        #expect(outcome.peakBufferedBytes <= 256 + 1024)
        #expect(!outcome.isTruncated)
    }

    @Test func strictReadingThrowsAtTheFirstInvalidLineWithItsNumber() throws {
        let text = [
            Self.header, #"{"t":"2026-01-01T01:00:00Z","type":"warp"}"#,
            #"{"t":"2026-01-01T02:00:00Z","type":"battery"}"#, Self.end,
        ]
        .joined(separator: "\n")
        #expect(
            throws: RecordingError(line: 3, reason: .invalidLine(.missingField, "missing field 'percent'"))
        ) { _ = try Self.read(text, options: ReadingOptions(isStrict: true)) }
        let (items, _) = try Self.read(text)
        #expect(items.count == 3)
    }

    @Test(arguments: [1, 2, 3, 7, 64, 4096])
    func theChunkSizeNeverChangesWhatIsRead(_ chunkSize: Int) throws {
        let url = TestRecordings.edgeCases.appendingPathComponent("malformed-lines.scsrec.jsonl")
        let data = try Data(contentsOf: url)
        let reference = try Self.read(data)
        let chunked = try Self.read(data, options: ReadingOptions(chunkSize: chunkSize))
        #expect(chunked.items == reference.items)
        #expect(chunked.outcome.lineCount == reference.outcome.lineCount)
        #expect(chunked.outcome.bytesRead == data.count)
    }

    @Test func aSecondReadHandsOnNothing() throws {
        let reader = try RecordingReader(contentsOf: R.temporary(Self.header + "\n" + Self.end + "\n"))
        var first = 0
        var second = 0
        _ = try reader.read { _ in first += 1 }
        _ = try reader.read { _ in second += 1 }
        #expect(first == 1)
        #expect(second == 0)
    }
}
