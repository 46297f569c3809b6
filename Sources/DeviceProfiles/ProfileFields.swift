/// The keys each kind of mapping in a profile may hold; the parser reads a mapping only through one of
/// these lists, so an unknown key is always an error, and the tests write every key listed here both
/// quoted and unquoted.
enum ProfileFields: CaseIterable {
    case profile
    /// `{min, max, step}` of amplitude and pulse width.
    case grid
    /// One piece `{upTo, step}` of a piecewise step.
    case stepPiece
    /// `frequency`: one rate grid per waveform.
    case waveforms
    /// The rate grid of tonic or high-frequency stimulation, or of a slot group.
    case rates
    case burst
    case pulsesPerBurst
    case lead
    case impedance
    case limits
    /// `{warn, reject}` of charge density and Shannon k.
    case threshold
    case battery
    case usb
    /// One slot group of `groups`.
    case group
    /// `geometry` of percutaneous leads, or of a paddle.
    case percutaneous
    case paddle

    /// The keys, in the order messages list them.
    var keys: [String] {
        switch self {
        case .profile:
            [
                "id", "name", "modeledOn", "output", "amplitude", "pulseWidth", "frequency", "interphaseGap",
                "passiveRecoveryMin", "programs", "maxActiveContacts", "fractionStep", "caseElectrode", "leads",
                "currentPerContactMax", "complianceVoltage", "headroom", "impedance", "limits", "battery", "usb",
                "groups", "geometry",
            ]
        case .grid: ["min", "max", "step"]
        case .stepPiece: ["upTo", "step"]
        case .waveforms: ["tonic", "burst", "highFrequency"]
        case .rates: ["min", "max", "step", "periodStep"]
        case .burst: ["min", "max", "step", "periodStep", "pulsesPerBurst", "intraBurstRate"]
        case .pulsesPerBurst: ["min", "max"]
        case .lead: ["name", "contacts", "areaMM2"]
        case .impedance: ["nominal", "short", "open"]
        case .limits: ["chargeDensity", "shannonK", "amplitudeSlewMax"]
        case .threshold: ["warn", "reject"]
        case .battery:
            [
                "kind", "capacity", "usableFraction", "quiescentCurrent", "efficiency", "cellVoltage",
                "minimumStimVoltage", "minimumLongevityYears",
            ]
        case .usb: ["vendorId", "productId"]
        case .group: ["name", "slots", "pulseWidth", "frequency"]
        case .percutaneous: ["kind", "diameter", "contactLength", "spacing"]
        case .paddle: ["kind", "rows", "columns", "contactLength", "contactWidth", "spacing", "columnSpacing"]
        }
    }

    /// What an unknown key is called in messages.
    var noun: String { self == .waveforms ? "waveform" : "field" }
}

extension YAMLField {
    /// This field, checked to be a mapping of the keys of `fields`.
    func mapping(_ fields: ProfileFields) throws(InputError) -> YAMLField {
        try mapping(allowing: fields.keys, noun: fields.noun)
    }
}
