import FileIO
import Foundation
import RecordingFormat

/// Reads a recording (`recording-format.md` §1–2) as a stream: the header when it is opened, then
/// every event and finding in file order, holding one chunk of the file at a time.
///
/// Opening checks what makes a file not a recording at all (empty, not text by ``BinaryCheck``, no
/// header, a newer version): those are errors. Afterwards, a bad line is a finding (lenient) or an
/// error (strict, for `invalid-json`, `missing-field` and `wrong-type`), a line with a NUL byte
/// among them; an event earlier than its predecessor is applied at the running maximum time; a
/// missing `end` line closes the span at the last event.
///
/// The file is read front to back as a stream, so a pipe, a FIFO or standard input reads like a
/// regular file.
///
/// Not `Sendable`: it owns an open file and the position in it.
public final class RecordingReader<Decoder: RecordingLineDecoder> {
    /// The header line.
    public let header: RecordingHeader
    /// How the file is read.
    public let options: ReadingOptions
    private var splitter: LineSplitter
    private var decoder: Decoder
    /// What the first ``read(_:)`` found; later calls return it again.
    private var outcome: ReadingOutcome?

    /// Opens `url` and reads its header with `decoder`.
    public convenience init(contentsOf url: URL, decoder: Decoder, options: ReadingOptions = ReadingOptions())
        throws(RecordingError)
    {
        try self.init(input: try InputFile.recording(at: url), decoder: decoder, options: options)
    }

    /// Reads the header of the open `input` with `decoder`; the reader reads `input` from where it is.
    public init(input: InputFile, decoder: Decoder, options: ReadingOptions = ReadingOptions()) throws(RecordingError) {
        try Self.checkText(input)
        var splitter = LineSplitter(
            input: input, chunkSize: options.chunkSize, maximumLineLength: options.maximumLineLength)
        var decoder = decoder
        header = try Self.readHeader(&splitter, &decoder, limit: options.maximumLineLength)
        self.options = options
        self.splitter = splitter
        self.decoder = decoder
    }

    /// Reads every line after the header, handing each event and finding to `visit` in file order.
    ///
    /// A second call hands on nothing and returns the first call's outcome: the stream is consumed.
    /// `visit` owns each item, so that an event's payload is released where its case is known rather
    /// than by the reader, which could only do it through the enum's generic destroy (measured at a
    /// fifth of the decoding time of a battery line).
    public func read(_ visit: (consuming RecordingItem) -> Void) throws(RecordingError) -> ReadingOutcome {
        var splitter = self.splitter
        var decoder = self.decoder
        defer {
            self.splitter = splitter
            self.decoder = decoder
        }
        if let outcome { return outcome }
        var latest = header.start
        var endTime: Timestamp?
        let limit = options.maximumLineLength
        // Each line's outcome is assigned to one variable rather than returned as an optional, whose
        // destruction would take the generic path on every line.
        var decoded = DecodedLine.problem(.invalidJSON, "")
        while try splitter.nextLine({ line in
            decoded =
                switch line {
                case .text(let bytes): decoder.decodeEvent(bytes)
                case .overlong(let length):
                    .problem(.invalidJSON, "the line is \(length) bytes long, over the \(limit)-byte limit")
                case .containsNUL(let column): .problem(.invalidJSON, Self.nulMessage(column: column))
                }
        }) != nil {
            let line = splitter.lineNumber
            // Moved out rather than copied, so that the event is handed on without a copy.
            var current = DecodedLine.problem(.invalidJSON, "")
            swap(&current, &decoded)
            switch consume current {
            case .problem(let kind, let message):
                if options.isStrict, kind.isFatalWhenStrict {
                    throw RecordingError(line: line, reason: .invalidLine(kind, message))
                }
                visit(.finding(ReadingFinding(line: line, kind: kind, message: message)))
            case .event(let time, let event):
                guard header.spans(time) else {
                    let message =
                        "field 't' \(time) is more than 292 years (2⁶³ ns) after the header's start \(header.start), "
                        + "longer than a recording can span"
                    if options.isStrict { throw RecordingError(line: line, reason: .invalidLine(.wrongType, message)) }
                    visit(.finding(ReadingFinding(line: line, kind: .wrongType, message: message)))
                    continue
                }
                guard endTime == nil else {
                    visit(
                        .finding(ReadingFinding(line: line, kind: .outOfOrder, message: "after the end line; ignored")))
                    continue
                }
                if time < latest {
                    let message = "\(time) is earlier than \(latest), the latest time before it; applied at \(latest)"
                    visit(.finding(ReadingFinding(line: line, kind: .outOfOrder, message: message)))
                }
                latest = max(latest, time)
                let isEnd = if case .end = event { true } else { false }
                visit(.event(RecordedEvent(line: line, time: time, appliedAt: latest, event: consume event)))
                if isEnd { endTime = latest }
            }
        }
        if endTime == nil {
            let message = "no end line: the recording is truncated and its span closes at the last event, \(latest)"
            visit(.finding(ReadingFinding(line: splitter.lineNumber, kind: .truncated, message: message)))
        }
        let outcome = ReadingOutcome(
            lineCount: splitter.lineNumber, end: endTime ?? latest, isTruncated: endTime == nil,
            peakBufferedBytes: splitter.peakBufferedBytes, bytesRead: splitter.bytesRead)
        self.outcome = outcome
        return outcome
    }

    private static func readHeader(
        _ splitter: inout LineSplitter, _ decoder: inout Decoder, limit: Int
    ) throws(RecordingError) -> RecordingHeader {
        let decoded = try splitter.nextLine { line -> Result<RecordingHeader, RecordingError> in
            switch line {
            case .overlong(let length):
                let reason = "line 1 is \(length) bytes long, over the \(limit)-byte limit"
                return .failure(RecordingError(line: 1, reason: .notARecording(reason)))
            case .containsNUL(let column):
                return .failure(RecordingError(line: 1, reason: .notARecording(nulMessage(column: column))))
            case .text(var bytes):
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeRawBufferPointer(rebasing: bytes[3...]) }
                guard String(validating: bytes, as: UTF8.self) != nil else {
                    return .failure(RecordingError(line: 1, reason: .notARecording(notUTF8Message(bytes))))
                }
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    let reason = "line 1 is empty; a recording starts with a header line"
                    return .failure(RecordingError(line: 1, reason: .notARecording(reason)))
                }
                return Result { () throws(RecordingError) in try decoder.decodeHeader(bytes) }
            }
        }
        guard let decoded else { throw RecordingError(line: nil, reason: .empty) }
        return try decoded.get()
    }

    /// Throws unless `input` starts with text (``BinaryCheck``); the bytes looked at are read again.
    private static func checkText(_ input: InputFile) throws(RecordingError) {
        let sample: [UInt8]
        do {
            sample = try input.peek(upTo: BinaryCheck.sampleLength)
        } catch {
            throw RecordingError(line: nil, reason: .unreadable(error.reason))
        }
        if sample.isEmpty { throw RecordingError(line: nil, reason: .empty) }
        if let reason = BinaryCheck.reason(sample, isWholeFile: sample.count < BinaryCheck.sampleLength) {
            throw RecordingError(line: nil, reason: .binary(reason))
        }
    }

    /// The finding of a line with a NUL byte: no JSON text holds one, and a recording is UTF-8 text.
    private static func nulMessage(column: Int) -> String {
        "a NUL byte at column \(column) (no JSON line holds one)"
    }

    /// Where the first byte of `line` that is not UTF-8 is.
    private static func notUTF8Message(_ line: UnsafeRawBufferPointer) -> String {
        let offset = UTF8Prefix.validLength(of: line)
        let byte = offset < line.count ? line[offset] : 0
        return "the header line is not UTF-8 text (byte 0x\(FileError.hex(byte)) at column \(offset + 1)); "
            + "a recording is UTF-8"
    }
}

extension InputFile {
    /// The recording at `url`, open for reading; a file that cannot be opened is unreadable.
    static func recording(at url: URL) throws(RecordingError) -> InputFile {
        do {
            return try InputFile(path: url.path)
        } catch {
            throw RecordingError(line: nil, reason: .unreadable(error.reason))
        }
    }
}

extension RecordingReader where Decoder == StrictLineDecoder {
    /// Opens `url` with the ``StrictLineDecoder``, the decoder `scs analyze` uses.
    public convenience init(contentsOf url: URL, options: ReadingOptions = ReadingOptions()) throws(RecordingError) {
        try self.init(contentsOf: url, decoder: StrictLineDecoder(), options: options)
    }
}
