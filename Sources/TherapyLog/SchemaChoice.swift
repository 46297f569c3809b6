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
}

extension SchemaChoice {
    /// The table for ``spellings``, built from the cases' raw values.
    static func spellingTable() -> [(utf8: [UInt8], choice: Self)] {
        allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    /// The case spelled exactly by `bytes`, or nil.
    @inline(__always)
    static func matching(_ bytes: UnsafeRawBufferPointer) -> Self? {
        guard let base = bytes.baseAddress else { return nil }
        return spellings.withUnsafeBufferPointer { table in
            for spelling in table where spelling.utf8.count == bytes.count {
                if spelling.utf8.withUnsafeBytes({ $0.baseAddress.map { memcmp($0, base, bytes.count) == 0 } ?? false })
                {
                    return spelling.choice
                }
            }
            return nil
        }
    }
}

extension Role: SchemaChoice {
    static let spellings = spellingTable()
}

extension ChargeState: SchemaChoice {
    static let spellings = spellingTable()
}

extension Waveform: SchemaChoice {
    static let spellings = spellingTable()
}

extension Recovery: SchemaChoice {
    static let spellings = spellingTable()
}
