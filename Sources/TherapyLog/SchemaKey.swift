/// The keys the schema decoders look up (``EventDecoder``, ``ProgramFields``, ``HeaderDecoder``).
///
/// The scanner marks each object key that spells one of them on its token as it reads the key, so that
/// ``TapeFields`` finds a member by comparing one byte per member, with no string and no hashing.
enum SchemaKey: UInt8, CaseIterable, CustomStringConvertible {
    // Raw values start at 1: a token's mark 0 is no schema key.
    case t = 1, type, slot, by, program, on, amplitude, ohms, percent, state, rules, request, code, detail
    case pulseWidth, frequency, period, waveform, contacts, pulsesPerBurst, intraBurstRate, recovery
    case interphaseGap, cycling, patientRange, off, min, max, format, version, device, serial, start

    /// The key as written in a recording.
    var description: String {
        switch self {
        case .t: "t"
        case .type: "type"
        case .slot: "slot"
        case .by: "by"
        case .program: "program"
        case .on: "on"
        case .amplitude: "amplitude"
        case .ohms: "ohms"
        case .percent: "percent"
        case .state: "state"
        case .rules: "rules"
        case .request: "request"
        case .code: "code"
        case .detail: "detail"
        case .pulseWidth: "pulseWidth"
        case .frequency: "frequency"
        case .period: "period"
        case .waveform: "waveform"
        case .contacts: "contacts"
        case .pulsesPerBurst: "pulsesPerBurst"
        case .intraBurstRate: "intraBurstRate"
        case .recovery: "recovery"
        case .interphaseGap: "interphaseGap"
        case .cycling: "cycling"
        case .patientRange: "patientRange"
        case .off: "off"
        case .min: "min"
        case .max: "max"
        case .format: "format"
        case .version: "version"
        case .device: "device"
        case .serial: "serial"
        case .start: "start"
        }
    }

    /// The key spelled by `text`, or nil: by length, then by the packed bytes (the cases are the packed
    /// ``description``s, which a test checks).
    @inline(__always)
    init?(_ text: PackedText) {
        let key: SchemaKey? =
            switch text.count {
            case 1:
                switch text.low {
                case 0x74: .t
                default: nil
                }
            case 2:
                switch text.low {
                case 0x7962: .by
                case 0x6E6F: .on
                default: nil
                }
            case 3:
                switch text.low {
                case 0x66_666F: .off
                case 0x6E_696D: .min
                case 0x78_616D: .max
                default: nil
                }
            case 4:
                switch text.low {
                case 0x6570_7974: .type
                case 0x746F_6C73: .slot
                case 0x736D_686F: .ohms
                case 0x6564_6F63: .code
                default: nil
                }
            case 5:
                switch text.low {
                case 0x65_7461_7473: .state
                case 0x73_656C_7572: .rules
                case 0x74_7261_7473: .start
                default: nil
                }
            case 6:
                switch text.low {
                case 0x6C69_6174_6564: .detail
                case 0x646F_6972_6570: .period
                case 0x7461_6D72_6F66: .format
                case 0x6563_6976_6564: .device
                case 0x6C61_6972_6573: .serial
                default: nil
                }
            case 7:
                switch text.low {
                case 0x6D_6172_676F_7270: .program
                case 0x74_6E65_6372_6570: .percent
                case 0x74_7365_7571_6572: .request
                case 0x67_6E69_6C63_7963: .cycling
                case 0x6E_6F69_7372_6576: .version
                default: nil
                }
            case 8:
                switch text.low {
                case 0x6D72_6F66_6576_6177: .waveform
                case 0x7374_6361_746E_6F63: .contacts
                case 0x7972_6576_6F63_6572: .recovery
                default: nil
                }
            case 9:
                switch (text.low, text.high) {
                case (0x6475_7469_6C70_6D61, 0x65): .amplitude
                case (0x636E_6575_7165_7266, 0x79): .frequency
                default: nil
                }
            case 10:
                switch (text.low, text.high) {
                case (0x6469_5765_736C_7570, 0x6874): .pulseWidth
                default: nil
                }
            case 12:
                switch (text.low, text.high) {
                case (0x5274_6E65_6974_6170, 0x6567_6E61): .patientRange
                default: nil
                }
            case 13:
                switch (text.low, text.high) {
                case (0x6168_7072_6574_6E69, 0x70_6147_6573): .interphaseGap
                default: nil
                }
            case 14:
                switch (text.low, text.high) {
                case (0x6550_7365_736C_7570, 0x7473_7275_4272): .pulsesPerBurst
                case (0x7275_4261_7274_6E69, 0x6574_6152_7473): .intraBurstRate
                default: nil
                }
            default: nil
            }
        guard let key else { return nil }
        self = key
    }

    /// The key whose text `text` equals (Swift's string equality), or nil: for a key token that is not
    /// plain ASCII as written.
    init?(text: String) {
        guard let key = Self.allCases.first(where: { text == $0.description }) else { return nil }
        self = key
    }
}
