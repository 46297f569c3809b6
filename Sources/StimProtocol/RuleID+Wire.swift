import StimSafety

extension RuleID {
    /// The rule's stable number on the wire (`docs/protocol.md`, "Rule ids").
    ///
    /// Numbers are assigned once and never reused; a new rule takes the next free number and a new
    /// protocol version. The table is spelled out rather than derived from the enum's order, so
    /// reordering the enum cannot change the wire.
    public var wireNumber: UInt8 {
        switch self {
        case .amplitudeRange: 1
        case .amplitudeStep: 2
        case .pulseWidthRange: 3
        case .pulseWidthStep: 4
        case .frequencyRange: 5
        case .frequencyStep: 6
        case .waveformSupported: 7
        case .burstRange: 8
        case .contactsUnknown: 9
        case .contactsPolarity: 10
        case .contactsCount: 11
        case .currentContact: 12
        case .chargeDensity: 13
        case .shannon: 14
        case .timingPeriod: 15
        case .compliance: 16
        case .impedance: 17
        case .patientRange: 18
        case .battery: 19
        case .amplitudeSlew: 20
        case .patientRangeCurrentContact: 21
        case .patientRangeChargeDensity: 22
        case .patientRangeShannon: 23
        case .patientRangeCompliance: 24
        }
    }

    /// The rule with wire number `wireNumber`, nil for a number this protocol version does not assign.
    public init?(wireNumber: UInt8) {
        guard let rule = RuleID.byWireNumber[Int(wireNumber)] else { return nil }
        self = rule
    }

    /// Rules indexed by wire number.
    private static let byWireNumber: [RuleID?] = {
        var table = [RuleID?](repeating: nil, count: 256)
        for rule in RuleID.allCases { table[Int(rule.wireNumber)] = rule }
        return table
    }()
}

extension ByteWriter {
    mutating func write(_ rule: RuleID) { write(rule.wireNumber) }
}

extension ByteReader {
    mutating func readRule(field: String) throws(PayloadError) -> RuleID {
        let number: UInt8 = try read(field: field)
        guard let rule = RuleID(wireNumber: number) else { throw .invalidValue(field: field, value: Int(number)) }
        return rule
    }
}
