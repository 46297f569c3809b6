import Foundation

/// Splits a file into lines while reading it in fixed-size chunks, so that it never holds more than
/// one chunk plus the line being assembled, whatever the file's length.
///
/// A line longer than `maximumLineLength` is not assembled: its bytes are dropped as they arrive and
/// it is handed on as ``Line/overlong(length:)``, so a file without line ends (a binary file, a
/// corrupted log) cannot make the buffer grow.
struct LineSplitter {
    /// One line, without its `\n`.
    enum Line {
        /// The line's bytes, valid only inside the closure they are passed to.
        case text(UnsafeRawBufferPointer)
        /// A line longer than the limit, with its length in bytes.
        case overlong(length: Int)
    }

    private let handle: FileHandle
    private let chunkSize: Int
    private let maximumLineLength: Int
    /// Bytes read and not yet handed on are `buffer.bytes[start..<filled]`; bytes before `scanned`
    /// hold no `\n`. The buffer keeps its size, so that each chunk is read straight into it.
    private let buffer: ChunkBuffer
    private var filled = 0
    private var start = 0
    private var scanned = 0
    private var isAtEndOfFile = false
    /// Whether the line being read is overlong and its bytes are being dropped.
    private var isDiscarding = false
    private var discardedBytes = 0

    /// The number of the line last handed on (1-based; 0 before the first).
    private(set) var lineNumber = 0
    /// The most bytes the buffer has held at once: the measure of streaming.
    private(set) var peakBufferedBytes = 0
    /// Bytes read from the file so far.
    private(set) var bytesRead = 0

    init(handle: FileHandle, chunkSize: Int, maximumLineLength: Int) {
        self.handle = handle
        self.chunkSize = max(chunkSize, 1)
        self.maximumLineLength = max(maximumLineLength, 1)
        buffer = ChunkBuffer(capacity: self.chunkSize)
    }

    /// Passes the bytes read ahead (at least the first chunk, unless the file is shorter) to `body`,
    /// without consuming them: how a reader looks for binary content before it reads a line.
    mutating func withLookahead<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) throws(RecordingError) -> Result {
        if filled - start < chunkSize, !isAtEndOfFile { try fill() }
        return body(UnsafeBufferPointer(start: buffer.bytes + start, count: filled - start))
    }

    /// Passes the next line to `body` and returns its result; nil at the end of the file.
    @inline(__always)
    mutating func nextLine<Result>(_ body: (Line) -> Result) throws(RecordingError) -> Result? {
        while true {
            if let newline = findNewline() {
                lineNumber += 1
                defer {
                    start = newline + 1
                    scanned = start
                }
                if isDiscarding {
                    isDiscarding = false
                    return body(.overlong(length: discardedBytes + newline - start))
                }
                if newline - start > maximumLineLength { return body(.overlong(length: newline - start)) }
                return body(.text(UnsafeRawBufferPointer(start: buffer.bytes + start, count: newline - start)))
            }
            if isDiscarding {
                discardedBytes += filled - start
                dropBuffered()
            } else if filled - start > maximumLineLength {
                isDiscarding = true
                discardedBytes = filled - start
                dropBuffered()
            }
            if isAtEndOfFile { return finalLine(body) }
            try fill()
        }
    }

    /// The last line when the file does not end with `\n`.
    private mutating func finalLine<Result>(_ body: (Line) -> Result) -> Result? {
        if isDiscarding {
            isDiscarding = false
            lineNumber += 1
            return body(.overlong(length: discardedBytes))
        }
        guard start < filled else { return nil }
        lineNumber += 1
        defer { dropBuffered() }
        return body(.text(UnsafeRawBufferPointer(start: buffer.bytes + start, count: filled - start)))
    }

    private mutating func findNewline() -> Int? {
        let base = buffer.bytes
        guard scanned < filled, let newline = memchr(base + scanned, 0x0A, filled - scanned) else {
            scanned = filled
            return nil
        }
        return UnsafeRawPointer(newline) - UnsafeRawPointer(base)
    }

    private mutating func dropBuffered() {
        filled = 0
        start = 0
        scanned = 0
    }

    /// Reads one more chunk straight into the buffer, first moving the bytes not yet handed on to
    /// its start.
    private mutating func fill() throws(RecordingError) {
        if start > 0 {
            let kept = filled - start
            if kept > 0 { memmove(buffer.bytes, buffer.bytes + start, kept) }
            filled = kept
            scanned -= start
            start = 0
        }
        if buffer.capacity - filled < chunkSize { buffer.grow(to: filled + chunkSize) }
        let descriptor = handle.fileDescriptor
        var count: Int
        repeat {
            count = read(descriptor, buffer.bytes + filled, chunkSize)
        } while count < 0 && errno == EINTR
        guard count >= 0 else {
            throw RecordingError(line: nil, reason: .unreadable(String(cString: strerror(errno))))
        }
        guard count > 0 else {
            isAtEndOfFile = true
            return
        }
        filled += count
        bytesRead += count
        peakBufferedBytes = max(peakBufferedBytes, filled)
    }
}

/// The bytes a ``LineSplitter`` reads into: one allocation, grown only for a line longer than a
/// chunk, and freed with the splitter. (An array would be retained and released around every line
/// handed on.)
private final class ChunkBuffer {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        bytes = .allocate(capacity: capacity)
    }

    /// Makes room for `capacity` bytes, keeping those held.
    func grow(to capacity: Int) {
        guard capacity > self.capacity else { return }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: bytes, count: self.capacity)
        bytes.deallocate()
        bytes = grown
        self.capacity = capacity
    }

    deinit {
        bytes.deallocate()
    }
}
