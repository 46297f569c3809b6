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

    /// The number of the key spelled by `text`, or nil: by length, then by the packed bytes (the cases
    /// are the packed ``names``, which a test checks).
    @inline(__always)
    static func number(of text: PackedText) -> Int? {
        switch text.count {
        case 1:
            switch text.low {
            case 0x74: 0  // t
            default: nil
            }
        case 2:
            switch text.low {
            case 0x7962: 3  // by
            case 0x6E6F: 5  // on
            default: nil
            }
        case 3:
            switch text.low {
            case 0x66_666F: 25  // off
            case 0x6E_696D: 26  // min
            case 0x78_616D: 27  // max
            default: nil
            }
        case 4:
            switch text.low {
            case 0x6570_7974: 1  // type
            case 0x746F_6C73: 2  // slot
            case 0x736D_686F: 7  // ohms
            case 0x6564_6F63: 12  // code
            default: nil
            }
        case 5:
            switch text.low {
            case 0x65_7461_7473: 9  // state
            case 0x73_656C_7572: 10  // rules
            case 0x74_7261_7473: 32  // start
            default: nil
            }
        case 6:
            switch text.low {
            case 0x6C69_6174_6564: 13  // detail
            case 0x646F_6972_6570: 16  // period
            case 0x7461_6D72_6F66: 28  // format
            case 0x6563_6976_6564: 30  // device
            case 0x6C61_6972_6573: 31  // serial
            default: nil
            }
        case 7:
            switch text.low {
            case 0x6D_6172_676F_7270: 4  // program
            case 0x74_6E65_6372_6570: 8  // percent
            case 0x74_7365_7571_6572: 11  // request
            case 0x67_6E69_6C63_7963: 23  // cycling
            case 0x6E_6F69_7372_6576: 29  // version
            default: nil
            }
        case 8:
            switch text.low {
            case 0x6D72_6F66_6576_6177: 17  // waveform
            case 0x7374_6361_746E_6F63: 18  // contacts
            case 0x7972_6576_6F63_6572: 21  // recovery
            default: nil
            }
        case 9:
            switch (text.low, text.high) {
            case (0x6475_7469_6C70_6D61, 0x65): 6  // amplitude
            case (0x636E_6575_7165_7266, 0x79): 15  // frequency
            default: nil
            }
        case 10:
            switch (text.low, text.high) {
            case (0x6469_5765_736C_7570, 0x6874): 14  // pulseWidth
            default: nil
            }
        case 12:
            switch (text.low, text.high) {
            case (0x5274_6E65_6974_6170, 0x6567_6E61): 24  // patientRange
            default: nil
            }
        case 13:
            switch (text.low, text.high) {
            case (0x6168_7072_6574_6E69, 0x70_6147_6573): 22  // interphaseGap
            default: nil
            }
        case 14:
            switch (text.low, text.high) {
            case (0x6550_7365_736C_7570, 0x7473_7275_4272): 19  // pulsesPerBurst
            case (0x7275_4261_7274_6E69, 0x6574_6152_7473): 20  // intraBurstRate
            default: nil
            }
        default: nil
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
