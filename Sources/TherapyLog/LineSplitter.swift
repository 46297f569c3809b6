import FileIO
import Foundation

/// Splits a file into lines while reading it in fixed-size chunks, so that it never holds more than
/// one chunk plus the line being assembled, whatever the file's length.
///
/// A line ends at `\n`; a `\r` before it belongs to the line end. A line longer than
/// `maximumLineLength` is not assembled: its bytes are dropped as they arrive and it is handed on as
/// ``Line/overlong(length:)``, so a file without line ends (a binary file, a corrupted log) cannot
/// make the buffer grow. A line with a NUL byte is handed on as ``Line/containsNUL(column:)``: each
/// chunk is searched for NUL once as it is read, so text without one pays nothing per line.
struct LineSplitter {
    /// One line, without its line end.
    enum Line {
        /// The line's bytes, valid only inside the closure they are passed to.
        case text(UnsafeRawBufferPointer)
        /// A line longer than the limit, with its length in bytes.
        case overlong(length: Int)
        /// A line holding a NUL byte, with the 1-based column of the first.
        case containsNUL(column: Int)
    }

    private let input: InputFile
    private let chunkSize: Int
    private let maximumLineLength: Int
    /// Bytes read and not yet handed on are `buffer.bytes[start..<filled]`; bytes before `scanned`
    /// hold no `\n`. The buffer keeps its size, so that each chunk is read straight into it.
    private let buffer: ChunkBuffer
    private var filled = 0
    private var start = 0
    private var scanned = 0
    private var isAtEndOfFile = false
    /// The first NUL byte in `buffer.bytes[start..<filled]`; `Int.max` when there is none, so that
    /// the test on each line is one comparison.
    private var nul = Int.max
    /// Whether the line being read is overlong and its bytes are being dropped.
    private var isDiscarding = false
    private var discardedBytes = 0

    /// The number of the line last handed on (1-based; 0 before the first).
    private(set) var lineNumber = 0
    /// The most bytes the buffer has held at once: the measure of streaming.
    private(set) var peakBufferedBytes = 0
    /// Bytes read from the file so far.
    private(set) var bytesRead = 0

    init(input: InputFile, chunkSize: Int, maximumLineLength: Int) {
        self.input = input
        self.chunkSize = max(chunkSize, 1)
        self.maximumLineLength = max(maximumLineLength, 1)
        buffer = ChunkBuffer(capacity: self.chunkSize)
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
                    if nul < start { nul = Self.firstNUL(buffer.bytes, from: start, to: filled) }
                }
                if isDiscarding {
                    isDiscarding = false
                    return body(.overlong(length: discardedBytes + newline - start))
                }
                if newline - start > maximumLineLength { return body(.overlong(length: newline - start)) }
                // The usual line (no NUL in the chunk, no \r) is handed on here; the others are made
                // out of line, which keeps this loop small enough for the reader's visitor to be
                // compiled into it.
                if nul == .max, newline == start || buffer.bytes[newline - 1] != 0x0D {
                    return body(.text(UnsafeRawBufferPointer(start: buffer.bytes + start, count: newline - start)))
                }
                return body(line(endingAt: newline))
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
        return body(line(endingAt: filled))
    }

    /// The line from `start` to `end` (a `\n` or the end of the bytes), without a `\r` before `end`.
    @inline(never)
    private func line(endingAt end: Int) -> Line {
        if nul < end { return .containsNUL(column: nul - start + 1) }
        let length = end > start && buffer.bytes[end - 1] == 0x0D ? end - 1 - start : end - start
        return .text(UnsafeRawBufferPointer(start: buffer.bytes + start, count: length))
    }

    /// The index of the first NUL byte in `bytes[from..<to]`; `Int.max` when there is none.
    private static func firstNUL(_ bytes: UnsafeMutablePointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let found = memchr(bytes + from, 0, to - from) else { return .max }
        return UnsafeRawPointer(found) - UnsafeRawPointer(bytes)
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
        nul = .max
    }

    /// Reads one more chunk straight into the buffer, first moving the bytes not yet handed on to
    /// its start.
    private mutating func fill() throws(RecordingError) {
        if start > 0 {
            let kept = filled - start
            if kept > 0 { memmove(buffer.bytes, buffer.bytes + start, kept) }
            filled = kept
            scanned -= start
            if nul != .max { nul -= start }
            start = 0
        }
        if buffer.capacity - filled < chunkSize { buffer.grow(to: filled + chunkSize) }
        let count: Int
        do {
            count = try input.read(into: UnsafeMutableRawBufferPointer(start: buffer.bytes + filled, count: chunkSize))
        } catch {
            throw RecordingError(line: nil, reason: .unreadable(error.reason))
        }
        guard count > 0 else {
            isAtEndOfFile = true
            return
        }
        if nul == .max { nul = Self.firstNUL(buffer.bytes, from: filled, to: filled + count) }
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
