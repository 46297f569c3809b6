import RecordingFormat
import StimSafety

/// A string-valued field of the schema with a fixed set of spellings (`type`, `by`, `state`,
/// `waveform`, `recovery`), which the scanner matches against a string's bytes without making a
/// `String` of them.
protocol SchemaChoice: RawRepresentable, CaseIterable where RawValue == String {
    /// Each case with its packed raw value: ``packedTable()``, kept once. Every raw value is at most
    /// ``PackedText/capacity`` bytes long (a test checks), so a longer string is none of them.
    static var packedSpellings: [(text: PackedText, choice: Self)] { get }
    /// The case spelled by `text`, or nil: ``packedSpellings`` searched, unless a type has a faster way.
    static func matching(_ text: PackedText) -> Self?
}

extension SchemaChoice {
    /// The table for ``packedSpellings``.
    static func packedTable() -> [(text: PackedText, choice: Self)] {
        allCases.compactMap { choice in PackedText(Array(choice.rawValue.utf8)).map { ($0, choice) } }
    }

    static func matching(_ text: PackedText) -> Self? {
        packedSpellings.withUnsafeBufferPointer { table in
            for spelling in table where spelling.text == text { return spelling.choice }
            return nil
        }
    }
}

extension EventOrigin: SchemaChoice {
    static let packedSpellings = packedTable()

    /// The packed raw values (a test checks them against ``packedSpellings``).
    @inline(__always)
    static func matching(_ text: PackedText) -> EventOrigin? {
        switch (text.low, text.high) {
        case (0x6169_6369_6E69_6C63, 0x6E): .clinician
        case (0x74_6E65_6974_6170, 0x0): .patient
        case (0x6563_6976_6564, 0x0): .device
        default: nil
        }
    }
}

extension ChargeState: SchemaChoice {
    static let packedSpellings = packedTable()
}

extension Waveform: SchemaChoice {
    static let packedSpellings = packedTable()
}

extension Recovery: SchemaChoice {
    static let packedSpellings = packedTable()
}
