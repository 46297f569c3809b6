/// Turns a byte stream, arriving in chunks of any size, into frames.
///
/// Feed bytes with `feed(_:)` and take results with `next()` until it says `.needMoreBytes`. The
/// decoder holds at most one maximum frame of bytes (`capacity`): `feed` takes only what fits and
/// says how many bytes it took, so memory stays bounded whatever arrives. It never traps on any
/// input; every problem is reported as a `FrameError` after the decoder has moved past it.
///
/// Results depend only on the bytes, never on how they were split into chunks. After any error the
/// decoder resynchronises: it drops one byte and skips silently to the next magic, so one damaged
/// frame costs one error, and a frame right behind it is still found.
public struct FrameDecoder: Sendable {
    /// One result of `next()`.
    public enum Outcome: Hashable, Sendable {
        /// A whole frame of a known type (or an error reply of any type) whose CRC matches; its MAC,
        /// if it has one, is for the session layer to check.
        case frame(Frame)
        /// The buffered bytes are the start of a frame, or nothing; feed more.
        case needMoreBytes
        /// Bytes that did not make a frame; the decoder has moved past them.
        case failure(FrameError)
    }

    /// The most bytes the decoder buffers: one frame with the longest payload and a MAC.
    public let capacity = Frame.maximumLength
    /// Bytes skipped while looking for a frame start, over the decoder's life.
    public private(set) var discardedByteCount = 0

    private var buffer: [UInt8] = []
    private var start = 0
    /// Set after an error, until the next magic: bytes skipped meanwhile are not a new `badMagic`.
    private var isResynchronising = false
    /// Set while `finish` drains: no more bytes will come, so an unfinished frame is truncated.
    private var isAtEnd = false

    /// A decoder with an empty buffer.
    public init() {
        buffer.reserveCapacity(capacity)
    }

    /// Bytes buffered and not yet decoded.
    public var bufferedByteCount: Int { buffer.count - start }

    /// Buffers as many of `bytes` as fit and returns how many that was; call `next()` until it
    /// needs more bytes, then feed the rest.
    @discardableResult
    public mutating func feed(_ bytes: some Collection<UInt8>) -> Int {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        let taken = min(bytes.count, capacity - buffer.count)
        buffer.append(contentsOf: bytes.prefix(taken))
        return taken
    }

    /// Feeds all of `bytes`, handing every frame and error to `body` as it is decoded; stops at
    /// "need more bytes" with the tail of an unfinished frame buffered.
    public mutating func decode<Failure: Error>(
        _ bytes: some Collection<UInt8>, _ body: (Outcome) throws(Failure) -> Void
    ) throws(Failure) {
        var rest = bytes[...]
        repeat {
            rest = rest.dropFirst(feed(rest))
            while true {
                let outcome = next()
                if outcome == .needMoreBytes { break }
                try body(outcome)
            }
        } while !rest.isEmpty
    }

    /// Says the stream has ended (the connection closed): hands `body` every frame and error left in
    /// the buffer, reporting an unfinished frame as `truncated` and still finding whole frames behind
    /// it. Leaves the decoder empty, ready for a new stream.
    public mutating func finish<Failure: Error>(_ body: (Outcome) throws(Failure) -> Void) throws(Failure) {
        isAtEnd = true
        defer { isAtEnd = false }
        while true {
            let outcome = next()
            if outcome == .needMoreBytes { break }
            try body(outcome)
        }
        discardedByteCount += bufferedByteCount
        start = buffer.count
        isResynchronising = false
    }

    /// The next frame or error from the buffered bytes, or `.needMoreBytes`.
    public mutating func next() -> Outcome {
        guard let sync = findMagic() else { return needMore() }
        if !sync {
            return fail(.badMagic, skipping: 0)
        }
        guard bufferedByteCount >= Frame.headerLength else { return needMore() }
        let header = parseHeader()
        if case .failure(let error) = header { return fail(error, skipping: 1) }
        guard case .success(let parsed) = header else { return needMore() }
        let tagLength = parsed.isAuthenticated ? FrameTag.length : 0
        let frameLength = Frame.headerLength + parsed.length + tagLength + Frame.trailerLength
        guard bufferedByteCount >= frameLength else { return needMore() }

        let payloadEnd = start + Frame.headerLength + parsed.length
        let crcStart = payloadEnd + tagLength
        let expected = CRC32.checksum(buffer[start..<crcStart])
        let received = littleEndian(UInt32.self, at: crcStart)
        guard expected == received else {
            return fail(.badCRC(expected: expected, received: received), skipping: 1)
        }
        let payload = Array(buffer[(start + Frame.headerLength)..<payloadEnd])
        let tag =
            parsed.isAuthenticated
            ? FrameTag(
                low: littleEndian(UInt64.self, at: payloadEnd), high: littleEndian(UInt64.self, at: payloadEnd + 8))
            : nil
        start += frameLength
        isResynchronising = false
        guard parsed.header.type.isKnown || parsed.header.kind == .error else {
            return .failure(.unknownMessageType(parsed.header))
        }
        return .frame(Frame(checkedHeader: parsed.header, payload: payload, tag: tag))
    }

    /// "Need more bytes", or at the end of the stream the truncation of the frame begun at `start`.
    private mutating func needMore() -> Outcome {
        guard isAtEnd, bufferedByteCount > 0 else { return .needMoreBytes }
        return fail(.truncated(byteCount: bufferedByteCount), skipping: 1)
    }

    /// Skips to a frame start. Returns true at the magic, false when garbage had to be skipped and
    /// should be reported, nil when more bytes are needed to tell.
    private mutating func findMagic() -> Bool? {
        var skipped = 0
        defer { discardedByteCount += skipped }
        while start < buffer.count {
            if buffer[start] == Frame.magic.0 {
                guard start + 1 < buffer.count else { return nil }
                if buffer[start + 1] == Frame.magic.1 {
                    isResynchronising = false
                    return true
                }
            }
            if !isResynchronising {
                isResynchronising = true
                return false
            }
            start += 1
            skipped += 1
        }
        return nil
    }

    /// Reports `error`, drops `count` bytes and looks for the next magic from there.
    private mutating func fail(_ error: FrameError, skipping count: Int) -> Outcome {
        start += count
        discardedByteCount += count
        isResynchronising = true
        return .failure(error)
    }

    private enum HeaderParse {
        case success((header: FrameHeader, length: Int, isAuthenticated: Bool))
        case failure(FrameError)
    }

    /// Reads and checks the 16 header bytes at `start` (magic already matched).
    private func parseHeader() -> HeaderParse {
        let version = buffer[start + 2]
        guard Frame.decodableVersions.contains(version) else { return .failure(.unsupportedVersion(version)) }
        let flags = buffer[start + 4]
        // Version 1 frames carry no MAC, so their flag is one more reserved bit.
        let macFlag = version == Frame.protocolVersion ? Frame.authenticatedFlag : 0
        guard flags & ~(macFlag | 0x03) == 0, let kind = FrameKind(rawValue: flags & 0x03) else {
            return .failure(.invalidFlags(flags))
        }
        let reserved = buffer[start + 5]
        guard reserved == 0 else { return .failure(.reservedByteSet(reserved)) }
        let length = littleEndian(UInt16.self, at: start + 14)
        guard Int(length) <= Frame.maximumPayloadLength else { return .failure(.badLength(length)) }
        let header = FrameHeader(
            version: version, type: MessageType(rawValue: buffer[start + 3]), kind: kind,
            sequence: littleEndian(UInt32.self, at: start + 6),
            session: SessionID(rawValue: littleEndian(UInt32.self, at: start + 10)))
        return .success((header, Int(length), flags & macFlag != 0))
    }

    @inline(__always)
    private func littleEndian<Integer: FixedWidthInteger>(_: Integer.Type, at offset: Int) -> Integer {
        var value = Integer.zero
        for index in 0..<MemoryLayout<Integer>.size {
            value |= Integer(truncatingIfNeeded: buffer[offset + index]) << (8 * index)
        }
        return value
    }
}
