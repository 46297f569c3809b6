import RealModule

extension DeviceLimits {
    /// The contact rules — `contacts.unknown`, `contacts.polarity`, `contacts.count`, `impedance` — and the
    /// per-contact load rules at the programmed amplitude and, with a patient range, at its maximum under
    /// `patientRange.` ids, each finding named with its contact: the load rules are asked once for the
    /// largest shares, as the send gate asks them, and contact by contact only when one fires.
    @inline(__always)
    func checkContacts<Sink: FindingSink>(
        _ program: StimProgram, context: ValidationContext, into sink: inout Sink, metrics: inout Metrics
    ) {
        let shares = checkContactMap(program, context: context, into: &sink)
        metrics.maxRequiredVoltage = requiredVoltage(
            amplitude: program.amplitude, largestShareTimesOhms: shares.clampedShareTimesOhms)
        var largestShannonProduct = 0.0
        defer { if largestShannonProduct > 0 { metrics.maxShannonK = Double.log10(largestShannonProduct) } }
        // When no load rule fires for the largest shares, none fires for any contact, and the largest shares
        // give the metrics too.
        if derived.tracksEveryArea {
            var anyFinding = SendGate(acknowledged: [])
            checkLoads(program, shares: shares, into: &anyFinding)
            if anyFinding.maySend {
                guard Sink.collectsMetrics else { return }
                for area in derived.areas.indices {
                    addLoadMetrics(
                        shares.largestShare[area], area: area, program, &metrics,
                        largestShannonProduct: &largestShannonProduct)
                }
                return
            }
        }
        let rangeMaximum = program.patientRange?.max
        for share in program.contacts where share.percent.rawValue != 0 {
            guard let site = site(of: share.contact, context: context) else { continue }
            let magnitude = Int64(clamping: share.percent.rawValue.magnitude)
            let shareTimesOhms = Int128(magnitude) * Int128(max(site.ohms.rawValue, 0))
            checkLoads(
                magnitude, shareTimesOhms: shareTimesOhms, area: site.area, contact: share.contact,
                amplitude: program.amplitude, pulseWidth: program.pulseWidth, rules: .programmed, into: &sink)
            if let rangeMaximum {
                checkLoads(
                    magnitude, shareTimesOhms: shareTimesOhms, area: site.area, contact: share.contact,
                    amplitude: rangeMaximum, pulseWidth: program.pulseWidth, rules: .patientMaximum, into: &sink)
            }
            if Sink.collectsMetrics, let area = site.area {
                addLoadMetrics(magnitude, area: area, program, &metrics, largestShannonProduct: &largestShannonProduct)
            }
        }
    }

    /// Takes a lead contact of the area at index `area` carrying `magnitude` (`|p|`) into the charge and
    /// density metrics and the largest Shannon product.
    @inline(__always)
    private func addLoadMetrics(
        _ magnitude: Int64, area: Int, _ program: StimProgram, _ metrics: inout Metrics,
        largestShannonProduct: inout Double
    ) {
        guard magnitude > 0 else { return }
        let area = derived.areas[area].area
        let load = ContactLoad(amplitude: program.amplitude, magnitude: magnitude, pulseWidth: program.pulseWidth)
        metrics.chargePerPhase = max(metrics.chargePerPhase, load.charge)
        metrics.maxChargeDensity = max(metrics.maxChargeDensity, load.density(area: area))
        largestShannonProduct = max(largestShannonProduct, load.shannonProduct(area: area))
    }

    /// The rules of the contact map itself — `contacts.unknown`, `contacts.polarity`, `contacts.count` and
    /// `impedance` — in one pass, which also gathers the largest shares that decide the load rules.
    ///
    /// None of these rules depends on the amplitude. Shares of areas past the tracked ones are left out of
    /// the result.
    @inline(__always)
    func checkContactMap<Sink: FindingSink>(
        _ program: StimProgram, context: ValidationContext, into sink: inout Sink
    ) -> ContactShares {
        var tally = PolarityTally<Int128>()
        var seen = ContactSet()
        var shares = ContactShares()
        for share in program.contacts {
            let percent = share.percent.rawValue
            tally.add(percent)
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
            guard let site = site(of: share.contact, context: context) else {
                sink.report(
                    .contactsUnknown, .error, contact: share.contact,
                    reason: share.contact == .can ? .caseNotAllowed : .notOnLeads, value: nil, limit: nil)
                continue
            }
            guard percent != 0 else { continue }
            if site.isMeasuredLead { checkImpedance(site.ohms, contact: share.contact, into: &sink) }
            shares.add(Int64(clamping: percent.magnitude), area: site.area, ohms: site.ohms)
        }
        tally.report(maxActiveContacts: maxActiveContacts, into: &sink)
        return shares
    }

    /// Where `contact` sits on the device, or nil when the device has no such contact.
    @inline(__always)
    private func site(of contact: ContactID, context: ValidationContext) -> ContactSite? {
        switch contact {
        case .lead(let number):
            guard let area = derived.areaIndex(ofContact: number) else { return nil }
            let measured = context.impedances.ohms(ofContact: number)
            return ContactSite(area: area, ohms: measured ?? impedance.nominal, isMeasuredLead: measured != nil)
        case .can:
            guard caseElectrode else { return nil }
            return ContactSite(area: nil, ohms: context.impedances.can ?? impedance.nominal, isMeasuredLead: false)
        case .unrecognized:
            return nil
        }
    }

    /// Every per-contact load rule at `amplitude` under the ids of `rules`, for a contact carrying
    /// `magnitude` (`|p|`) whose `|p| × Z` is `shareTimesOhms`: `compliance`, and for a lead contact of the
    /// area at index `area` `current.contact`, `chargeDensity` and `shannon`.
    ///
    /// Each rule grows with `|p|` for a given area and with `|p| × Z`, so the send gate decides every
    /// contact by one call for the largest of each.
    @inline(__always)
    func checkLoads<Sink: FindingSink>(
        _ magnitude: Int64, shareTimesOhms: Int128, area: Int?, contact: ContactID?, amplitude: Nanoamps,
        pulseWidth: Nanoseconds, rules: LoadRules, into sink: inout Sink
    ) {
        if let area {
            checkLoad(
                magnitude, area: area, contact: contact, amplitude: amplitude, pulseWidth: pulseWidth, rules: rules,
                into: &sink)
        }
        checkCompliance(
            amplitude: amplitude, shareTimesOhms: shareTimesOhms, contact: contact, rule: rules.compliance,
            into: &sink)
    }

    /// `current.contact`, `chargeDensity` and `shannon` for a lead contact of the area at index `area`
    /// carrying `magnitude` (`|p|`) of `amplitude`.
    @inline(__always)
    func checkLoad<Sink: FindingSink>(
        _ magnitude: Int64, area: Int, contact: ContactID?, amplitude: Nanoamps, pulseWidth: Nanoseconds,
        rules: LoadRules, into sink: inout Sink
    ) {
        let load = ContactLoad(amplitude: amplitude, magnitude: magnitude, pulseWidth: pulseWidth)
        if derived.exceedsCurrent(load.amperePercent) {
            sink.report(
                rules.currentContact, .error, contact: contact,
                reason: .aboveMaximum, value: load.milliamps, limit: currentPerContactMax.doubleValue)
        }
        let bounds = derived.areas[area]
        if let severity = bounds.densitySeverity(load.pulseLoad) {
            let limit = severity == .error ? chargeDensity.reject ?? chargeDensity.warn : chargeDensity.warn
            sink.report(
                rules.chargeDensity, severity, contact: contact,
                reason: severity == .error ? .aboveRejectLimit : .aboveWarnLimit,
                value: load.density(area: bounds.area), limit: limit.doubleValue)
        }
        if let severity = bounds.shannonSeverity(squaredCharge: load.charge * load.charge) {
            sink.report(
                rules.shannon, severity, contact: contact,
                reason: severity == .error ? .aboveRejectLimit : .aboveWarnLimit,
                value: Double.log10(load.shannonProduct(area: bounds.area)),
                limit: severity == .error ? shannon.reject ?? shannon.warn : shannon.warn)
        }
    }

    /// `compliance` for a contact whose `|p| × Z` is `shareTimesOhms`, at `amplitude`.
    @inline(__always)
    func checkCompliance<Sink: FindingSink>(
        amplitude: Nanoamps, shareTimesOhms: Int128, contact: ContactID?, rule: RuleID, into sink: inout Sink
    ) {
        let term = product(shareTimesOhms, amplitude.rawValue)
        guard let severity = derived.complianceSeverity(term) else { return }
        let volts = complianceVoltage.doubleValue
        sink.report(
            rule, severity, contact: contact, reason: severity == .error ? .aboveCompliance : .nearCompliance,
            value: Double(converting: term) * 1e-17 + derived.headroomVolts,
            limit: severity == .error ? volts : 0.9 * volts)
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

/// Where a contact of a program sits on the device.
struct ContactSite {
    /// The index of its area among the device's areas; nil for the case.
    var area: Int?
    /// The impedance its current meets: measured, else the device's nominal impedance.
    var ohms: Milliohms
    /// Whether it is a lead contact with a measured impedance, which the `impedance` rule judges.
    var isMeasuredLead: Bool
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
