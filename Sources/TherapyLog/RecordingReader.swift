import Foundation

/// Reads a recording (`recording-format.md` §1–2) as a stream: the header when it is opened, then
/// every event and finding in file order, holding one chunk of the file at a time.
///
/// Opening checks what makes a file not a recording at all (empty, binary, no header, a newer
/// version): those are errors. Afterwards, a bad line is a finding (lenient) or an error (strict,
/// for `invalid-json`, `missing-field` and `wrong-type`); an event earlier than its predecessor is
/// applied at the running maximum time; a missing `end` line closes the span at the last event.
///
/// Not `Sendable`: it owns an open file and the position in it.
public final class RecordingReader<Decoder: RecordingLineDecoder> {
    /// The header line.
    public let header: RecordingHeader
    /// How the file is read.
    public let options: ReadingOptions
    private let handle: FileHandle
    private var splitter: LineSplitter
    private var decoder: Decoder
    /// What the first ``read(_:)`` found; later calls return it again.
    private var outcome: ReadingOutcome?

    /// Opens `url` and reads its header with `decoder`.
    public init(contentsOf url: URL, decoder: Decoder, options: ReadingOptions = ReadingOptions())
        throws(RecordingError)
    {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw RecordingError(line: nil, reason: .unreadable("no such file"))
        }
        guard !isFolder.boolValue else { throw RecordingError(line: nil, reason: .unreadable("a folder, not a file")) }
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw RecordingError(line: nil, reason: .unreadable("cannot open it (\(error.localizedDescription))"))
        }
        var splitter = LineSplitter(
            handle: handle, chunkSize: options.chunkSize, maximumLineLength: options.maximumLineLength)
        var decoder = decoder
        do {
            header = try Self.readHeader(&splitter, &decoder, limit: options.maximumLineLength)
        } catch {
            try? handle.close()
            throw error
        }
        self.options = options
        self.splitter = splitter
        self.decoder = decoder
    }

    deinit {
        try? handle.close()
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
        let (isEmpty, hasNUL) = try splitter.withLookahead { bytes in (bytes.isEmpty, bytes.contains(0)) }
        if isEmpty { throw RecordingError(line: nil, reason: .empty) }
        if hasNUL { throw RecordingError(line: nil, reason: .binary) }
        let decoded = try splitter.nextLine { line -> Result<RecordingHeader, RecordingError> in
            switch line {
            case .overlong(let length):
                let reason = "line 1 is \(length) bytes long, over the \(limit)-byte limit"
                return .failure(RecordingError(line: 1, reason: .notARecording(reason)))
            case .text(var bytes):
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeRawBufferPointer(rebasing: bytes[3...]) }
                guard String(validating: bytes, as: UTF8.self) != nil else {
                    return .failure(RecordingError(line: nil, reason: .binary))
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
}

extension RecordingReader where Decoder == ScanningLineDecoder {
    /// Opens `url` with the scanner, the decoder `scs analyze` uses.
    public convenience init(contentsOf url: URL, options: ReadingOptions = ReadingOptions()) throws(RecordingError) {
        try self.init(contentsOf: url, decoder: ScanningLineDecoder(), options: options)
    }
}
