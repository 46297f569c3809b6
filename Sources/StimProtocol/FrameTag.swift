/// The MAC a frame inside a session carries: HMAC-SHA256 under the session key, truncated to its first
/// 16 bytes (128 bits).
///
/// Held as two words rather than an array, so computing and checking one allocates nothing. `==` (for
/// tests and `Hashable`) is an ordinary comparison; verification uses ``matches(_:)``, which takes
/// the same time whichever bits differ.
public struct FrameTag: Hashable, Sendable {
    /// The length of every tag on the wire.
    public static let length = 16

    /// Bytes 0 ..< 8 of the tag, read little-endian.
    let low: UInt64
    /// Bytes 8 ..< 16 of the tag, read little-endian.
    let high: UInt64

    /// A tag from exactly 16 bytes, in wire order; nil for any other count.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == FrameTag.length else { return nil }
        var words: (low: UInt64, high: UInt64) = (0, 0)
        for (index, byte) in bytes.enumerated() {
            if index < 8 {
                words.low |= UInt64(byte) << (8 * index)
            } else {
                words.high |= UInt64(byte) << (8 * (index - 8))
            }
        }
        self.init(low: words.low, high: words.high)
    }

    /// The tag whose bytes, read as two little-endian words, are `low` and `high`.
    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// The first 16 bytes of `buffer`, which holds at least that many (a full HMAC-SHA256 value).
    init(truncating buffer: UnsafeRawBufferPointer) {
        low = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        high = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }

    /// The tag's 16 bytes, in wire order.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(FrameTag.length)
        withUnsafeBytes(of: low.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: high.littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Whether `other` is the same tag, in time that does not depend on where they differ.
    public func matches(_ other: FrameTag) -> Bool {
        (low ^ other.low) | (high ^ other.high) == 0
    }
}
