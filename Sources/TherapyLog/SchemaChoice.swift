import StimSafety

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A string-valued field of the schema with a fixed set of spellings (`type`, `by`, `state`,
/// `waveform`, `recovery`), which the scanner matches against a string's bytes without making a
/// `String` of them.
protocol SchemaChoice: RawRepresentable, CaseIterable where RawValue == String {
    /// Each case with its raw value's UTF-8 bytes, in `allCases` order: ``spellingTable()``, kept once.
    static var spellings: [(utf8: [UInt8], choice: Self)] { get }
    /// The spellings that pack into a ``PackedText`` (all but any over 16 bytes): ``packedTable()``, kept once.
    static var packedSpellings: [(text: PackedText, choice: Self)] { get }
    /// The case spelled by `text`, or nil: ``packedSpellings`` searched, unless a type has a faster way.
    static func matching(_ text: PackedText) -> Self?
}

extension SchemaChoice {
    /// The table for ``spellings``, built from the cases' raw values.
    static func spellingTable() -> [(utf8: [UInt8], choice: Self)] {
        allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    /// The table for ``packedSpellings``.
    static func packedTable() -> [(text: PackedText, choice: Self)] {
        allCases.compactMap { choice in PackedText(Array(choice.rawValue.utf8)).map { ($0, choice) } }
    }

    /// The case spelled exactly by `bytes`, or nil.
    @inline(__always)
    static func matching(_ bytes: UnsafeRawBufferPointer) -> Self? {
        guard let base = bytes.baseAddress else { return nil }
        let start = base.assumingMemoryBound(to: UInt8.self)
        guard let text = PackedText(start, count: bytes.count) else {
            return spellings.withUnsafeBufferPointer { table in
                for spelling in table where spelling.utf8.count == bytes.count {
                    if spelling.utf8.withUnsafeBytes({ memcmp($0.baseAddress!, base, bytes.count) == 0 }) {
                        return spelling.choice
                    }
                }
                return nil
            }
        }
        return matching(text)
    }

    static func matching(_ text: PackedText) -> Self? {
        packedSpellings.withUnsafeBufferPointer { table in
            for spelling in table where spelling.text == text { return spelling.choice }
            return nil
        }
    }
}

extension Role: SchemaChoice {
    static let spellings = spellingTable()
    static let packedSpellings = packedTable()

    /// The packed raw values (a test checks them against ``packedSpellings``).
    @inline(__always)
    static func matching(_ text: PackedText) -> Role? {
        switch (text.low, text.high) {
        case (0x6169_6369_6E69_6C63, 0x6E): .clinician
        case (0x74_6E65_6974_6170, 0x0): .patient
        case (0x6563_6976_6564, 0x0): .device
        default: nil
        }
    }
}

extension ChargeState: SchemaChoice {
    static let spellings = spellingTable()
    static let packedSpellings = packedTable()
}

extension Waveform: SchemaChoice {
    static let spellings = spellingTable()
    static let packedSpellings = packedTable()
}

extension Recovery: SchemaChoice {
    static let spellings = spellingTable()
    static let packedSpellings = packedTable()
}
