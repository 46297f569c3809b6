import RealModule

extension DeviceLimits {
    /// The contact rules — `contacts.unknown`, `contacts.polarity`, `contacts.count`, `impedance` — and the
    /// per-contact load rules at the programmed amplitude and, with a patient range, at its maximum under
    /// `patientRange.` ids, in one pass over the contact map.
    @inline(__always)
    func checkContacts<Sink: FindingSink>(
        _ program: StimProgram, context: ValidationContext, into sink: inout Sink, metrics: inout Metrics
    ) {
        var tally = PolarityTally()
        var largestShareTimesOhms: Int64 = 0
        var largestShannonProduct = 0.0
        var seen = ContactSet()
        let rangeMaximum = program.patientRange?.max
        for share in program.contacts {
            let percent = share.percent.rawValue
            let magnitude = Int64(clamping: percent.magnitude)
            if !seen.insert(share.contact) {
                sink.report(
                    .contactsPolarity, .error, contact: share.contact, reason: .duplicateContact, value: nil,
                    limit: nil)
            }
            if !derived.fractionStep.isMultiple(percent) {
                sink.report(
                    .contactsPolarity, .error, contact: share.contact, reason: .offFractionStep,
                    value: share.percent.doubleValue, limit: fractionStep.doubleValue)
            }
            switch share.contact {
            case .lead(let number):
                guard let area = derived.areaIndex(ofContact: number) else {
                    sink.report(
                        .contactsUnknown, .error, contact: share.contact, reason: .notOnLeads, value: nil, limit: nil)
                    tally.add(percent)
                    continue
                }
                guard percent != 0 else { continue }
                tally.add(percent)
                let measured = context.impedances.ohms(ofContact: number)
                if let measured { checkImpedance(measured, contact: share.contact, into: &sink) }
                let ohms = measured ?? impedance.nominal
                checkLoad(
                    magnitude, ohms: ohms, area: area, contact: share.contact, amplitude: program.amplitude,
                    pulseWidth: program.pulseWidth, rules: .programmed, into: &sink)
                if let rangeMaximum {
                    checkLoad(
                        magnitude, ohms: ohms, area: area, contact: share.contact, amplitude: rangeMaximum,
                        pulseWidth: program.pulseWidth, rules: .patientMaximum, into: &sink)
                }
                largestShareTimesOhms = max(largestShareTimesOhms, shareTimesOhms(magnitude, ohms))
                if Sink.collectsMetrics {
                    let area = derived.areas[area].area
                    let load = ContactLoad(amplitude: program.amplitude, percent: share.percent)
                    metrics.chargePerPhase = max(metrics.chargePerPhase, load.charge(pulseWidth: program.pulseWidth))
                    metrics.maxChargeDensity = max(
                        metrics.maxChargeDensity, load.density(pulseWidth: program.pulseWidth, area: area))
                    largestShannonProduct = max(
                        largestShannonProduct, load.shannonProduct(pulseWidth: program.pulseWidth, area: area))
                }
            case .can:
                tally.add(percent)
                guard caseElectrode else {
                    sink.report(
                        .contactsUnknown, .error, contact: share.contact, reason: .caseNotAllowed, value: nil,
                        limit: nil)
                    continue
                }
                guard percent != 0 else { continue }
                let ohms = context.impedances.can ?? impedance.nominal
                checkCompliance(
                    ContactLoad(amplitude: program.amplitude, percent: share.percent), ohms: ohms,
                    contact: share.contact, rule: LoadRules.programmed.compliance, into: &sink)
                if let rangeMaximum {
                    checkCompliance(
                        ContactLoad(amplitude: rangeMaximum, percent: share.percent), ohms: ohms,
                        contact: share.contact, rule: LoadRules.patientMaximum.compliance, into: &sink)
                }
                largestShareTimesOhms = max(largestShareTimesOhms, shareTimesOhms(magnitude, ohms))
            case .unrecognized:
                sink.report(
                    .contactsUnknown, .error, contact: share.contact, reason: .notOnLeads, value: nil, limit: nil)
                tally.add(percent)
            }
        }
        tally.report(maxActiveContacts: maxActiveContacts, into: &sink)
        metrics.maxRequiredVoltage = requiredVoltage(
            amplitude: program.amplitude, largestShareTimesOhms: largestShareTimesOhms)
        if largestShannonProduct > 0 { metrics.maxShannonK = Double.log10(largestShannonProduct) }
    }

    /// `|p| × Z`, saturating.
    @inline(__always)
    private func shareTimesOhms(_ magnitude: Int64, _ ohms: Milliohms) -> Int64 {
        let (product, overflow) = magnitude.multipliedReportingOverflow(by: max(ohms.rawValue, 0))
        return overflow ? .max : product
    }

    /// `current.contact`, `chargeDensity`, `shannon` and `compliance` for one active lead contact of the
    /// area at index `area`, by the decisions the send gate asks.
    @inline(__always)
    private func checkLoad<Sink: FindingSink>(
        _ magnitude: Int64, ohms: Milliohms, area: Int, contact: ContactID, amplitude: Nanoamps,
        pulseWidth: Nanoseconds, rules: LoadRules, into sink: inout Sink
    ) {
        let load = ContactLoad(amplitude: amplitude, percent: Percent(rawValue: magnitude))
        if derived.exceedsCurrent(load.amperePercent) {
            sink.report(
                rules.currentContact, .error, contact: contact,
                reason: .aboveMaximum, value: load.milliamps, limit: currentPerContactMax.doubleValue)
        }
        let bounds = derived.areas[area]
        if let severity = bounds.densitySeverity(product(load.amperePercent, pulseWidth.rawValue)) {
            let limit = severity == .error ? chargeDensity.reject ?? chargeDensity.warn : chargeDensity.warn
            sink.report(
                rules.chargeDensity, severity, contact: contact,
                reason: severity == .error ? .aboveRejectLimit : .aboveWarnLimit,
                value: load.density(pulseWidth: pulseWidth, area: bounds.area), limit: limit.doubleValue)
        }
        let charge = load.charge(pulseWidth: pulseWidth)
        if let severity = bounds.shannonSeverity(squaredCharge: charge * charge) {
            sink.report(
                rules.shannon, severity, contact: contact,
                reason: severity == .error ? .aboveRejectLimit : .aboveWarnLimit,
                value: Double.log10(load.shannonProduct(pulseWidth: pulseWidth, area: bounds.area)),
                limit: severity == .error ? shannon.reject ?? shannon.warn : shannon.warn)
        }
        checkCompliance(load, ohms: ohms, contact: contact, rule: rules.compliance, into: &sink)
    }

    /// `compliance` for a contact carrying `load` through `ohms`.
    @inline(__always)
    private func checkCompliance<Sink: FindingSink>(
        _ load: ContactLoad, ohms: Milliohms, contact: ContactID, rule: RuleID, into sink: inout Sink
    ) {
        guard let severity = derived.complianceSeverity(product(load.amperePercent, ohms.rawValue)) else { return }
        let volts = complianceVoltage.doubleValue
        sink.report(
            rule, severity, contact: contact, reason: severity == .error ? .aboveCompliance : .nearCompliance,
            value: load.requiredVoltage(ohms: ohms, headroom: headroom), limit: severity == .error ? volts : 0.9 * volts
        )
    }

    /// `impedance`: an active lead contact measured below the short or above the open threshold.
    @inline(__always)
    private func checkImpedance<Sink: FindingSink>(_ ohms: Milliohms, contact: ContactID, into sink: inout Sink) {
        if ohms < impedance.short {
            sink.report(
                .impedance, .error, contact: contact, reason: .shorted, value: ohms.doubleValue,
                limit: impedance.short.doubleValue)
        } else if ohms > impedance.open {
            sink.report(
                .impedance, .error, contact: contact, reason: .open, value: ohms.doubleValue,
                limit: impedance.open.doubleValue)
        }
    }
}

/// Polarity sums and counts over the contact map, every entry as written.
struct PolarityTally {
    var cathodeSum: Int64 = 0
    var anodeSum: Int64 = 0
    var cathodes = 0
    var anodes = 0

    /// Adds one share. The sums saturate instead of wrapping: the cathode sum only falls and the anode
    /// sum only rises, so a saturated sum stays saturated and can never pass for ∓100 %.
    @inline(__always)
    mutating func add(_ percent: Int64) {
        if percent < 0 {
            cathodes += 1
            let (sum, overflow) = cathodeSum.addingReportingOverflow(percent)
            cathodeSum = overflow ? .min : sum
        } else if percent > 0 {
            anodes += 1
            let (sum, overflow) = anodeSum.addingReportingOverflow(percent)
            anodeSum = overflow ? .max : sum
        }
    }

    /// `contacts.polarity` for the sums and `contacts.count` for the active entries.
    @inline(__always)
    func report<Sink: FindingSink>(maxActiveContacts: Int, into sink: inout Sink) {
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
        let active = cathodes + anodes
        if active > maxActiveContacts {
            sink.report(
                .contactsCount, .error, reason: .tooManyContacts, value: Double(active),
                limit: Double(maxActiveContacts))
        }
    }
}

/// The contacts met so far in a contact map, to find a key listed twice: lead contacts 0–63 and the
/// case in a bit mask, without allocating; any other key in a set made at the first such key, so that
/// even a map of millions of keys is read in linear time.
struct ContactSet {
    private var leads: UInt64 = 0
    private var hasCan = false
    private var others: Set<ContactID> = []

    /// Adds `contact`; false when it was already there.
    @inline(__always)
    mutating func insert(_ contact: ContactID) -> Bool {
        switch contact {
        case .lead(let number) where number >= 0 && number < 64:
            let bit: UInt64 = 1 << UInt64(number)
            defer { leads |= bit }
            return leads & bit == 0
        case .can:
            defer { hasCan = true }
            return !hasCan
        default:
            return others.insert(contact).inserted
        }
    }
}
