/// The stable identifier of a safety rule, as written in `safety-rules.md` and in machine output.
public enum RuleID: Int, CaseIterable, Hashable, Sendable, Comparable, CustomStringConvertible {
    case amplitudeRange
    case amplitudeStep
    case pulseWidthRange
    case pulseWidthStep
    case frequencyRange
    case frequencyStep
    case waveformSupported
    case burstRange
    case contactsUnknown
    case contactsPolarity
    case contactsCount
    case currentContact
    case chargeDensity
    case shannon
    case timingPeriod
    case compliance
    case impedance
    case patientRange
    case battery
    case amplitudeSlew
    case patientRangeCurrentContact
    case patientRangeChargeDensity
    case patientRangeShannon
    case patientRangeCompliance

    /// The id as written in the spec ("amplitude.range", "patientRange.shannon").
    public var name: String {
        switch self {
        case .amplitudeRange: "amplitude.range"
        case .amplitudeStep: "amplitude.step"
        case .pulseWidthRange: "pulseWidth.range"
        case .pulseWidthStep: "pulseWidth.step"
        case .frequencyRange: "frequency.range"
        case .frequencyStep: "frequency.step"
        case .waveformSupported: "waveform.supported"
        case .burstRange: "burst.range"
        case .contactsUnknown: "contacts.unknown"
        case .contactsPolarity: "contacts.polarity"
        case .contactsCount: "contacts.count"
        case .currentContact: "current.contact"
        case .chargeDensity: "chargeDensity"
        case .shannon: "shannon"
        case .timingPeriod: "timing.period"
        case .compliance: "compliance"
        case .impedance: "impedance"
        case .patientRange: "patientRange"
        case .battery: "battery"
        case .amplitudeSlew: "amplitude.slew"
        case .patientRangeCurrentContact: "patientRange.current.contact"
        case .patientRangeChargeDensity: "patientRange.chargeDensity"
        case .patientRangeShannon: "patientRange.shannon"
        case .patientRangeCompliance: "patientRange.compliance"
        }
    }

    /// Looks a rule up by its exact id; nil for anything else (ids are case-sensitive).
    public init?(name: some StringProtocol) {
        guard let rule = RuleID.allCases.first(where: { $0.name == name }) else { return nil }
        self = rule
    }

    public var description: String { name }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.name < rhs.name }
}

/// A set of rule ids held in one machine word, so the fast entry point can test acknowledgements
/// without touching the heap.
public struct RuleSet: OptionSet, Hashable, Sendable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The set holding `rules`. (Inlinable, so that a caller in another module gets it compiled for its
    /// sequence instead of the generic code, which cost a thousand instructions a call.)
    @inlinable
    public init(_ rules: some Sequence<RuleID>) {
        self.init(rawValue: 0)
        for rule in rules { insert(RuleSet(rule: rule)) }
    }

    /// The set holding only `rule`.
    @inline(__always)
    public init(rule: RuleID) { self.init(rawValue: 1 << UInt32(rule.rawValue)) }

    /// Whether `rule` is in the set.
    @inline(__always)
    public func contains(_ rule: RuleID) -> Bool { rawValue & (1 << UInt32(rule.rawValue)) != 0 }

    /// The rules in the set, sorted by id.
    public var rules: [RuleID] { RuleID.allCases.filter { contains($0) }.sorted() }
}
