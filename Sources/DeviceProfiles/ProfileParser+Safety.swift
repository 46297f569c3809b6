import StimSafety

extension ProfileParser {
    /// The output stage's limits: per-contact current, compliance voltage, headroom and impedances.
    struct Electrical {
        var currentPerContactMax: Nanoamps
        var compliance: Millivolts
        var headroom: Millivolts
        var impedance: ImpedanceThresholds
    }

    /// Default thresholds of `safety-rules.md` §2, used where the profile is silent.
    enum Defaults {
        static let headroom = Millivolts(units: 1)
        static let impedanceShort = Milliohms(units: 250)
        static let impedanceOpen = Milliohms(units: 4000)
        static let chargeDensityWarn = ChargeDensity(units: 30)
        static let shannonWarn = 1.5
        static let shannonReject = 1.85
    }

    /// Reads `currentPerContactMax`, `complianceVoltage`, `headroom` and `impedance`.
    static func electricalLimits(_ fields: YAMLField) throws(InputError) -> Electrical {
        let current: Nanoamps = try fields.required("currentPerContactMax").quantity(Nanoamps.self, .positive)
        let complianceNode = try fields.required("complianceVoltage")
        let compliance: Millivolts = try complianceNode.quantity(Millivolts.self, .positive)
        var headroom = Defaults.headroom
        let headroomNode = fields.optional("headroom")
        if let headroomNode { headroom = try headroomNode.quantity(Millivolts.self, .nonNegative) }
        if headroom >= compliance {
            let subject = headroomNode == nil ? "the default headroom " : ""
            throw (headroomNode ?? complianceNode).error(
                "\(subject)must be below complianceVoltage (got \(headroom.decimalText) ≥ \(compliance.decimalText))")
        }
        return Electrical(
            currentPerContactMax: current, compliance: compliance, headroom: headroom,
            impedance: try impedance(fields.required("impedance")))
    }

    /// Reads `impedance {nominal, short, open}` in Ω, ordered `short < nominal < open`.
    private static func impedance(_ node: YAMLField) throws(InputError) -> ImpedanceThresholds {
        let fields = try node.mapping(.impedance)
        let nominal: Milliohms = try fields.required("nominal").quantity(Milliohms.self, .positive)
        var short = Defaults.impedanceShort
        let shortNode = fields.optional("short")
        if let shortNode { short = try shortNode.quantity(Milliohms.self, .nonNegative) }
        var open = Defaults.impedanceOpen
        let openNode = fields.optional("open")
        if let openNode { open = try openNode.quantity(Milliohms.self, .positive) }
        if short >= nominal {
            let subject = shortNode == nil ? "the default short threshold " : ""
            throw (shortNode ?? node).error(
                "\(subject)must be below nominal (got \(short.decimalText) ≥ \(nominal.decimalText))")
        }
        if nominal >= open {
            let subject = openNode == nil ? "the default open threshold " : ""
            throw (openNode ?? node).error(
                "\(subject)must be above nominal (got \(open.decimalText) ≤ \(nominal.decimalText))")
        }
        return ImpedanceThresholds(nominal: nominal, short: short, open: open)
    }

    /// Reads `limits {chargeDensity {warn, reject}, shannonK {warn, reject}, amplitudeSlewMax}`.
    ///
    /// An absent field takes the default; an explicit `reject: null` means no rejection limit.
    static func safetyLimits(
        _ node: YAMLField?
    ) throws(InputError) -> (ChargeDensityLimits, ShannonLimits, Nanoamps?) {
        var density = ChargeDensityLimits(warn: Defaults.chargeDensityWarn, reject: nil)
        var shannon = ShannonLimits(warn: Defaults.shannonWarn, reject: Defaults.shannonReject)
        guard let node else { return (density, shannon, nil) }
        let fields = try node.mapping(.limits)
        if let densityNode = fields.optional("chargeDensity") {
            density = try chargeDensity(densityNode)
        }
        if let shannonNode = fields.optional("shannonK") {
            shannon = try shannonK(shannonNode)
        }
        var slew: Nanoamps?
        if let slewNode = fields.optional("amplitudeSlewMax") {
            slew = try slewNode.quantity(Nanoamps.self, .positive)
        }
        return (density, shannon, slew)
    }

    private static func chargeDensity(_ node: YAMLField) throws(InputError) -> ChargeDensityLimits {
        let fields = try node.mapping(.threshold)
        var warn = Defaults.chargeDensityWarn
        let warnNode = fields.optional("warn")
        if let warnNode { warn = try warnNode.quantity(ChargeDensity.self, .positive) }
        var reject: ChargeDensity?
        if let rejectNode = fields.optional("reject") {
            let value = try rejectNode.quantity(ChargeDensity.self, .positive)
            if warn > value {
                let subject = warnNode == nil ? "the default warn " : ""
                throw (warnNode ?? rejectNode).error(
                    "\(subject)must not be greater than reject (got \(warn.decimalText) > \(value.decimalText))")
            }
            reject = value
        }
        return ChargeDensityLimits(warn: warn, reject: reject)
    }

    private static func shannonK(_ node: YAMLField) throws(InputError) -> ShannonLimits {
        let fields = try node.mapping(.threshold)
        var warn = Defaults.shannonWarn
        let warnNode = fields.optional("warn")
        if let warnNode { warn = try warnNode.real(.any) }
        var reject: Double? = Defaults.shannonReject
        if let rejectNode = fields.present("reject") {
            reject = rejectNode.isNull ? nil : try rejectNode.real(.any)
        }
        if let reject, warn > reject {
            let subject = warnNode == nil ? "the default warn " : ""
            throw (warnNode ?? node).error("\(subject)must not be greater than reject (got \(warn) > \(reject))")
        }
        return ShannonLimits(warn: warn, reject: reject)
    }
}
