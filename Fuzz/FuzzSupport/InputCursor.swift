/// Takes a structured input apart from the front: a fuzz target reads its choices (a chunk size, a
/// role, a record) byte by byte, and an input that runs out simply ends, so every input is valid.
public struct InputCursor: Sendable {
    private let bytes: [UInt8]
    private var offset = 0

    /// A cursor at the start of `bytes`.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next byte, nil at the end.
    public mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// The next `count` bytes, or fewer at the end.
    public mutating func bytes(upTo count: Int) -> ArraySlice<UInt8> {
        let end = min(bytes.count, offset + max(count, 0))
        defer { offset = end }
        return bytes[offset..<end]
    }

    /// Every byte not yet taken.
    public mutating func rest() -> ArraySlice<UInt8> {
        bytes(upTo: bytes.count - offset)
    }
}
