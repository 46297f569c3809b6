/// Up to 16 bytes of text packed into two words (zero-padded) with their count, so that a short
/// schema key or spelling is compared in three integer comparisons instead of a `memcmp`.
struct PackedText: Equatable {
    /// The longest text that packs.
    static let capacity = 16

    var low: UInt64 = 0
    var high: UInt64 = 0
    var count: Int

    /// Packs `count` bytes at `bytes`; nil when there are more than ``capacity``.
    @inline(__always)
    init?(_ bytes: UnsafePointer<UInt8>, count: Int) {
        guard count <= Self.capacity else { return nil }
        self.count = count
        var offset = 0
        while offset < count && offset < 8 {
            low |= UInt64(bytes[offset]) &<< UInt64(offset &* 8)
            offset &+= 1
        }
        while offset < count {
            high |= UInt64(bytes[offset]) &<< UInt64((offset &- 8) &* 8)
            offset &+= 1
        }
    }

    /// Packs `count` bytes at `bytes` as whole words when `readable` bytes from `bytes` may be read
    /// (the rest of the line), instead of byte by byte; nil when there are more than ``capacity``.
    @inline(__always)
    init?(_ bytes: UnsafePointer<UInt8>, count: Int, readable: Int) {
        guard count <= Self.capacity else { return nil }
        guard readable >= Self.capacity else {
            self.init(bytes, count: count)
            return
        }
        let raw = UnsafeRawPointer(bytes)
        let first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let second = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        self.init(
            low: count >= 8 ? first : first & Self.lowBytes(count),
            high: count >= 8 ? second & Self.lowBytes(count &- 8) : 0, count: count)
    }

    @inline(__always)
    private init(low: UInt64, high: UInt64, count: Int) {
        self.low = low
        self.high = high
        self.count = count
    }

    /// A mask of the lowest `count` bytes of a word (0 ≤ count ≤ 8).
    @inline(__always)
    private static func lowBytes(_ count: Int) -> UInt64 {
        count == 0 ? 0 : UInt64.max &>> UInt64(64 &- 8 &* count)
    }

    @inline(__always)
    init?(_ text: StaticString) {
        self.init(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    init?(_ bytes: [UInt8]) {
        guard
            let packed = bytes.withUnsafeBufferPointer({ buffer in
                buffer.baseAddress.flatMap { PackedText($0, count: buffer.count) }
            })
        else { return nil }
        self = packed
    }
}
