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

    /// A small hash of the text, for ``SchemaKey``'s table.
    @inline(__always)
    var hash: Int {
        let mixed = (low ^ (high &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(truncatingIfNeeded: count)) &* 0xFF51_AFD7_ED55_8CCD
        return Int(truncatingIfNeeded: mixed >> 58)
    }
}

/// The keys the schema decoders look up (``EventDecoder``, ``ProgramFields``, ``HeaderDecoder``),
/// each numbered, so that ``TapeFields`` finds all of an object's schema members in one pass over it
/// instead of one pass per look-up. A key not listed here is still found, by a walk over the members.
enum SchemaKey {
    /// Every key, its number its position.
    static let names: [StaticString] = [
        "t", "type", "slot", "by", "program", "on", "amplitude", "ohms", "percent", "state", "rules", "request",
        "code", "detail", "pulseWidth", "frequency", "period", "waveform", "contacts", "pulsesPerBurst",
        "intraBurstRate", "recovery", "interphaseGap", "cycling", "patientRange", "off", "min", "max", "format",
        "version", "device", "serial", "start",
    ]

    /// How many keys a ``TapeFields`` table holds: at least `names.count`.
    static let tableSize = 40

    private static let packed: [PackedText] = names.map { PackedText($0)! }
    /// Open addressing over ``PackedText/hash`` (64 slots): a key's number, or -1 for an empty slot.
    private static let slots: [Int8] = {
        precondition(names.count <= tableSize)
        var slots = [Int8](repeating: -1, count: 64)
        for (number, key) in packed.enumerated() {
            var slot = key.hash
            while slots[slot] >= 0 { slot = (slot + 1) & 63 }
            slots[slot] = Int8(number)
        }
        return slots
    }()

    /// The number of the key spelled by `text`, or nil.
    @inline(__always)
    static func number(of text: PackedText) -> Int? {
        let slots = Self.slots
        let packed = Self.packed
        var slot = text.hash
        while true {
            let number = Int(slots[slot])
            if number < 0 { return nil }
            if packed[number] == text { return number }
            slot = (slot &+ 1) & 63
        }
    }

    /// The number of `key`, or nil.
    @inline(__always)
    static func number(of key: StaticString) -> Int? {
        PackedText(key).flatMap { number(of: $0) }
    }

    /// The number of the key a string token's text equals (Swift's string equality), or nil.
    static func number(ofText text: String) -> Int? {
        names.firstIndex { text == $0.description }
    }
}
