import RealModule

extension DeviceLimits {
    /// The contact rules — `contacts.unknown`, `contacts.polarity`, `contacts.count`, `impedance` — and the
    /// per-contact load rules at the programmed amplitude, in one pass over the contact map.
    @inline(__always)
    func checkContacts<Sink: FindingSink>(
        _ program: StimProgram, context: ValidationContext, into sink: inout Sink, metrics: inout Metrics
    ) {
        var tally = PolarityTally()
        var thresholds = ContactThresholds(limits: self, amplitude: program.amplitude, pulseWidth: program.pulseWidth)
        var largestShareTimesOhms: Int64 = 0
        var largestShannonProduct = 0.0
        var seen = ContactSet()
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
                guard let area = area(ofContact: number) else {
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
                    magnitude, ohms: ohms, area: area, contact: share.contact, thresholds: &thresholds,
                    rules: .programmed, into: &sink)
                largestShareTimesOhms = max(largestShareTimesOhms, shareTimesOhms(magnitude, ohms))
                if Sink.collectsMetrics {
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
                    magnitude, ohms: ohms, contact: share.contact, thresholds: thresholds,
                    rule: LoadRules.programmed.compliance, into: &sink)
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

    /// The per-contact load rules at the patient range's maximum, reported under `patientRange.` ids.
    @inline(__always)
    func checkContactLoads<Sink: FindingSink>(
        _ program: StimProgram, amplitude: Nanoamps, context: ValidationContext, into sink: inout Sink
    ) {
        var thresholds = ContactThresholds(limits: self, amplitude: amplitude, pulseWidth: program.pulseWidth)
        for share in program.contacts where share.percent.rawValue != 0 {
            let magnitude = Int64(clamping: share.percent.rawValue.magnitude)
            switch share.contact {
            case .lead(let number):
                guard let area = area(ofContact: number) else { continue }
                let ohms = context.impedances.ohms(ofContact: number) ?? impedance.nominal
                checkLoad(
                    magnitude, ohms: ohms, area: area, contact: share.contact, thresholds: &thresholds,
                    rules: .patientMaximum, into: &sink)
            case .can where caseElectrode:
                checkCompliance(
                    magnitude, ohms: context.impedances.can ?? impedance.nominal, contact: share.contact,
                    thresholds: thresholds, rule: LoadRules.patientMaximum.compliance, into: &sink)
            case .can, .unrecognized:
                continue
            }
        }
    }

    /// `|p| × Z`, saturating.
    @inline(__always)
    private func shareTimesOhms(_ magnitude: Int64, _ ohms: Milliohms) -> Int64 {
        let (product, overflow) = magnitude.multipliedReportingOverflow(by: max(ohms.rawValue, 0))
        return overflow ? .max : product
    }

    /// `current.contact`, `chargeDensity`, `shannon` and `compliance` for one active lead contact.
    @inline(__always)
    private func checkLoad<Sink: FindingSink>(
        _ magnitude: Int64, ohms: Milliohms, area: SquareMicrometers, contact: ContactID,
        thresholds: inout ContactThresholds, rules: LoadRules, into sink: inout Sink
    ) {
        let amperePercent = thresholds.amperePercent(magnitude)
        let amplitude = thresholds.amplitude
        let width = thresholds.pulseWidth
        let load = { ContactLoad(amplitude: amplitude, percent: Percent(rawValue: magnitude)) }
        if thresholds.exceedsCurrent(amperePercent) {
            sink.report(
                rules.currentContact, .error, contact: contact,
                reason: .aboveMaximum, value: load().milliamps, limit: currentPerContactMax.doubleValue)
        }
        thresholds.prepare(area: area, limits: self)
        if let severity = thresholds.densitySeverity(amperePercent) {
            let limit = severity == .error ? chargeDensity.reject ?? chargeDensity.warn : chargeDensity.warn
            sink.report(
                rules.chargeDensity, severity, contact: contact,
                reason: severity == .error ? .aboveRejectLimit : .aboveWarnLimit,
                value: load().density(pulseWidth: width, area: area), limit: limit.doubleValue)
        }
        let product = thresholds.shannonProduct(amperePercent)
        if let bound = shannon.rejectBound, let reject = shannon.reject, exceedsShannon(product, bound: bound) {
            sink.report(
                rules.shannon, .error, contact: contact, reason: .aboveRejectLimit, value: Double.log10(product),
                limit: reject)
        } else if exceedsShannon(product, bound: shannon.warnBound) {
            sink.report(
                rules.shannon, .warning, contact: contact, reason: .aboveWarnLimit, value: Double.log10(product),
                limit: shannon.warn)
        }
        checkCompliance(
            magnitude, ohms: ohms, contact: contact, thresholds: thresholds,
            rule: rules.compliance, into: &sink)
    }

    @inline(__always)
    private func checkCompliance<Sink: FindingSink>(
        _ magnitude: Int64, ohms: Milliohms, contact: ContactID, thresholds: ContactThresholds, rule: RuleID,
        into sink: inout Sink
    ) {
        let amplitude = thresholds.amplitude
        let required = {
            ContactLoad(amplitude: amplitude, percent: Percent(rawValue: magnitude))
                .requiredVoltage(ohms: ohms, headroom: self.headroom)
        }
        switch thresholds.complianceLevel(thresholds.amperePercent(magnitude), ohms: ohms) {
        case .clear: break
        case .over:
            sink.report(
                rule, .error, contact: contact, reason: .aboveCompliance, value: required(),
                limit: complianceVoltage.doubleValue)
        case .near:
            sink.report(
                rule, .warning, contact: contact, reason: .nearCompliance, value: required(),
                limit: 0.9 * complianceVoltage.doubleValue)
        }
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
