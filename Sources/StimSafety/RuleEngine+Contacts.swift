extension RuleEngine {
    /// The contact rules: `contacts.unknown`, `contacts.polarity`, `contacts.count`, then the
    /// per-contact load rules at the programmed amplitude, in one pass over the map.
    @inline(__always)
    func checkContacts<Sink: FindingSink>(_ program: StimProgram, into sink: inout Sink, metrics: inout Metrics) {
        var cathodeSum: Int64 = 0
        var anodeSum: Int64 = 0
        var cathodes = 0
        var anodes = 0
        var active = 0
        let step = limits.fractionStep.rawValue
        for share in program.contacts {
            let percent = share.percent.rawValue
            if !isKnown(share.contact) {
                sink.report(
                    .contactsUnknown, .error, contact: share.contact, reason: reason(for: share.contact),
                    value: nil, limit: nil)
            }
            guard percent != 0 else { continue }
            active += 1
            if percent < 0 {
                cathodes += 1
                cathodeSum += percent
            } else {
                anodes += 1
                anodeSum += percent
            }
            if step > 0, percent % step != 0 {
                sink.report(
                    .contactsPolarity, .error, contact: share.contact, reason: .offFractionStep,
                    value: share.percent.doubleValue, limit: limits.fractionStep.doubleValue)
            }
        }
        let whole = Percent.whole.rawValue
        if cathodes == 0 {
            sink.report(.contactsPolarity, .error, reason: .noCathode)
        } else if anodes == 0 {
            sink.report(.contactsPolarity, .error, reason: .noAnode)
        } else if cathodeSum != -whole {
            sink.report(
                .contactsPolarity, .error, reason: .cathodeSum, value: Percent(rawValue: cathodeSum).doubleValue,
                limit: -100)
        } else if anodeSum != whole {
            sink.report(
                .contactsPolarity, .error, reason: .anodeSum, value: Percent(rawValue: anodeSum).doubleValue,
                limit: 100)
        }
        if active > limits.maxActiveContacts {
            sink.report(
                .contactsCount, .error, reason: .tooManyContacts, value: Double(active),
                limit: Double(limits.maxActiveContacts))
        }
        checkContactLoads(
            program, amplitude: program.amplitude, atPatientMaximum: false, into: &sink, metrics: &metrics)
        checkImpedances(program, into: &sink)
    }

    /// Whether `contact` exists on the device's leads or is an allowed case electrode.
    @inline(__always)
    func isKnown(_ contact: ContactID) -> Bool {
        switch contact {
        case .lead(let number): limits.area(ofContact: number) != nil
        case .can: limits.caseElectrode
        case .unrecognized: false
        }
    }

    private func reason(for contact: ContactID) -> FindingReason {
        if case .can = contact { return .caseNotAllowed }
        return .notOnLeads
    }

    /// `current.contact`, `chargeDensity`, `shannon` and `compliance` for every active contact at
    /// `amplitude`; at the patient maximum the findings carry the `patientRange.` ids.
    @inline(__always)
    func checkContactLoads<Sink: FindingSink>(
        _ program: StimProgram, amplitude: Nanoamps, atPatientMaximum: Bool, into sink: inout Sink
    ) {
        var ignored = Metrics()
        checkContactLoads(
            program, amplitude: amplitude, atPatientMaximum: atPatientMaximum, into: &sink,
            metrics: &ignored)
    }

    @inline(__always)
    func checkContactLoads<Sink: FindingSink>(
        _ program: StimProgram, amplitude: Nanoamps, atPatientMaximum: Bool, into sink: inout Sink,
        metrics: inout Metrics
    ) {
        let currentRule: RuleID = atPatientMaximum ? .patientRangeCurrentContact : .currentContact
        let densityRule: RuleID = atPatientMaximum ? .patientRangeChargeDensity : .chargeDensity
        let shannonRule: RuleID = atPatientMaximum ? .patientRangeShannon : .shannon
        let complianceRule: RuleID = atPatientMaximum ? .patientRangeCompliance : .compliance
        let pulseWidth = program.pulseWidth
        var maxShannonProduct = 0.0
        var maxVoltageTerm: Int128 = 0
        for share in program.contacts where share.percent.rawValue != 0 {
            let load = ContactLoad(amplitude: amplitude, percent: share.percent)
            let contact = share.contact
            let ohms: Milliohms
            switch contact {
            case .lead(let number):
                guard let area = limits.area(ofContact: number) else { continue }
                ohms = context.impedances.ohms(ofContact: number) ?? limits.impedance.nominal
                if load.exceeds(currentMax: limits.currentPerContactMax) {
                    sink.report(
                        currentRule, .error, contact: contact, reason: .aboveMaximum, value: load.milliamps,
                        limit: limits.currentPerContactMax.doubleValue)
                }
                checkDensity(
                    load, pulseWidth: pulseWidth, area: area, contact: contact, rule: densityRule,
                    into: &sink)
                let product = load.shannonProduct(pulseWidth: pulseWidth, area: area)
                if product > 0 {
                    checkShannon(product, contact: contact, rule: shannonRule, into: &sink)
                    maxShannonProduct = max(maxShannonProduct, product)
                }
                metrics.chargePerPhase = max(metrics.chargePerPhase, load.charge(pulseWidth: pulseWidth))
                metrics.maxChargeDensity = max(
                    metrics.maxChargeDensity, load.density(pulseWidth: pulseWidth, area: area))
            case .can:
                guard limits.caseElectrode else { continue }
                ohms = context.impedances.can ?? limits.impedance.nominal
            case .unrecognized:
                continue
            }
            let term = load.voltageTerm(ohms: ohms)
            maxVoltageTerm = max(maxVoltageTerm, term)
            switch ComplianceLevel(voltageTerm: term, headroom: limits.headroom, compliance: limits.complianceVoltage) {
            case .clear: break
            case .near:
                sink.report(
                    complianceRule, .warning, contact: contact, reason: .nearCompliance,
                    value: load.requiredVoltage(ohms: ohms, headroom: limits.headroom),
                    limit: 0.9 * limits.complianceVoltage.doubleValue)
            case .over:
                sink.report(
                    complianceRule, .error, contact: contact, reason: .aboveCompliance,
                    value: load.requiredVoltage(ohms: ohms, headroom: limits.headroom),
                    limit: limits.complianceVoltage.doubleValue)
            }
        }
        if maxShannonProduct > 0 { metrics.maxShannonK = log10(maxShannonProduct) }
        metrics.maxRequiredVoltage = Double(converting: maxVoltageTerm) * 1e-17 + limits.headroom.doubleValue
    }

    @inline(__always)
    private func checkDensity<Sink: FindingSink>(
        _ load: ContactLoad, pulseWidth: Nanoseconds, area: SquareMicrometers, contact: ContactID, rule: RuleID,
        into sink: inout Sink
    ) {
        let limitsOfDensity = limits.chargeDensity
        if let reject = limitsOfDensity.reject, load.density(pulseWidth: pulseWidth, area: area, exceeds: reject) {
            sink.report(
                rule, .error, contact: contact, reason: .aboveRejectLimit,
                value: load.density(pulseWidth: pulseWidth, area: area), limit: reject.doubleValue)
        } else if load.density(pulseWidth: pulseWidth, area: area, exceeds: limitsOfDensity.warn) {
            sink.report(
                rule, .warning, contact: contact, reason: .aboveWarnLimit,
                value: load.density(pulseWidth: pulseWidth, area: area), limit: limitsOfDensity.warn.doubleValue)
        }
    }

    @inline(__always)
    private func checkShannon<Sink: FindingSink>(
        _ product: Double, contact: ContactID, rule: RuleID, into sink: inout Sink
    ) {
        let shannon = limits.shannon
        if let bound = shannon.rejectBound, let reject = shannon.reject, exceedsShannon(product, bound: bound) {
            sink.report(
                rule, .error, contact: contact, reason: .aboveRejectLimit, value: log10(product), limit: reject)
        } else if exceedsShannon(product, bound: shannon.warnBound) {
            sink.report(
                rule, .warning, contact: contact, reason: .aboveWarnLimit, value: log10(product), limit: shannon.warn)
        }
    }

    /// `impedance`: an active lead contact measured below the short or above the open threshold.
    @inline(__always)
    private func checkImpedances<Sink: FindingSink>(_ program: StimProgram, into sink: inout Sink) {
        for share in program.contacts where share.percent.rawValue != 0 {
            guard case .lead(let number) = share.contact, limits.area(ofContact: number) != nil,
                let ohms = context.impedances.ohms(ofContact: number)
            else { continue }
            if ohms < limits.impedance.short {
                sink.report(
                    .impedance, .error, contact: share.contact, reason: .shorted, value: ohms.doubleValue,
                    limit: limits.impedance.short.doubleValue)
            } else if ohms > limits.impedance.open {
                sink.report(
                    .impedance, .error, contact: share.contact, reason: .open, value: ohms.doubleValue,
                    limit: limits.impedance.open.doubleValue)
            }
        }
    }
}
