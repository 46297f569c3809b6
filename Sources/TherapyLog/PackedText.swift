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

    /// Packs the `length` bytes from `start` of a line of `count` bytes at `line`, read as whole words
    /// (see ``window(_:count:from:)``) where the line has 16 bytes; nil when there are more than
    /// ``capacity``.
    @inline(__always)
    init?(_ line: UnsafePointer<UInt8>, count: Int, from start: Int, length: Int) {
        guard length <= Self.capacity else { return nil }
        guard let window = Self.window(line, count: count, from: start) else {
            self.init(line + start, count: length)
            return
        }
        self.init(window: window, count: length)
    }

    /// Packs the first `count` bytes (at most ``capacity``) of a ``window(_:count:from:)``.
    @inline(__always)
    init(window: (low: UInt64, high: UInt64), count: Int) {
        low = count >= 8 ? window.low : window.low & Self.lowBytes(count)
        high = count >= 8 ? window.high & Self.lowBytes(count &- 8) : 0
        self.count = count
    }

    /// The ``capacity`` bytes from `start` of a line of `count` bytes at `line`, as two little-endian
    /// words, in two loads: from `start` itself, or near the end of the line the line's last 16 bytes
    /// shifted, so that the bytes past its end read as zero; nil for a line shorter than that.
    @inline(__always)
    static func window(_ line: UnsafePointer<UInt8>, count: Int, from start: Int) -> (low: UInt64, high: UInt64)? {
        let raw = UnsafeRawPointer(line)
        if count &- start >= capacity {
            return (word(raw, at: start), word(raw, at: start &+ 8))
        }
        guard count >= capacity else { return nil }
        let last = count &- capacity
        let wide = UInt128(word(raw, at: last &+ 8)) &<< 64 | UInt128(word(raw, at: last))
        let shifted = wide &>> UInt128(truncatingIfNeeded: (start &- last) &* 8)
        return (UInt64(truncatingIfNeeded: shifted), UInt64(truncatingIfNeeded: shifted &>> 64))
    }

    @inline(__always)
    private static func word(_ raw: UnsafeRawPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// One bit of 64 chosen by the packing, for a filter of packings seen: equal packings have the same
    /// bit, and different ones mostly differ.
    var filterBit: UInt64 {
        let mixed = (low ^ high &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)) &* 0xBF58_476D_1CE4_E5B9
        return 1 &<< (mixed &>> 58)
    }

    /// A mask of the lowest `count` bytes of a word (0 ≤ count ≤ 8).
    @inline(__always)
    private static func lowBytes(_ count: Int) -> UInt64 {
        count == 0 ? 0 : UInt64.max &>> UInt64(64 &- 8 &* count)
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
