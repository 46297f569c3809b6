extension DeviceLimits {
    /// The contact rules for the fast entry point, in 64-bit integers with overflow flags and early exit.
    ///
    /// Decides exactly as the general rules do: the same integer inequalities, the same Shannon formula.
    /// Returns nil (undecided) when any product leaves 64 bits, so that the general rules, which work
    /// in 128 bits, decide instead; on success it also returns the largest `|p| × Z` for the battery model.
    @inline(__always)
    func contactsAllowSending(
        _ program: StimProgram, context: ValidationContext
    ) -> (allowed: Bool, largestShareTimesOhms: Int64)? {
        let amplitude = program.amplitude.rawValue
        let width = program.pulseWidth.rawValue
        guard amplitude >= 0, width >= 0 else { return nil }
        let acknowledged = context.acknowledged
        let densityAcknowledged = acknowledged.contains(.chargeDensity)
        let (currentLimit, currentOverflow) = currentPerContactMax.rawValue.multipliedReportingOverflow(by: 100_000)
        let volts = complianceVoltage.rawValue
        let head = headroom.rawValue
        // I·Z + h ≤ V  ⟺  a·|p|·Z ≤ (V − h)·10¹⁴;  ≥ 90 %  ⟺  a·|p|·Z ≥ (9V − 10h)·10¹³.
        let (complianceOver, overOverflow) = (volts - head).multipliedReportingOverflow(by: 100_000_000_000_000)
        let (complianceNear, nearOverflow) = (9 * volts - 10 * head).multipliedReportingOverflow(
            by: 10_000_000_000_000)
        guard !currentOverflow, !overOverflow, !nearOverflow, volts >= head, volts < 1 << 40, head >= 0 else {
            return nil
        }
        // One bound per rule for the whole program, so that each contact makes one comparison per rule.
        // compliance: an error above `complianceOver`, a warning from `complianceNear`. With V ≥ h ≥ 0,
        // complianceNear = (9V − 10h)·10¹³ ≤ (10V − 10h)·10¹³ = complianceOver, so an error term is also a
        // warning term: unacknowledged, a term fails exactly when ≥ complianceNear, i.e. > complianceNear − 1
        // (a multiple of 10¹³, never Int64.min); acknowledged, exactly when > complianceOver.
        let complianceFloor = acknowledged.contains(.compliance) ? complianceOver : complianceNear - 1
        // shannon: `exceedsShannon` is `product > shannonThreshold(bound)`; a missing reject bound or an
        // acknowledged warning compares against +∞, which no finite product exceeds — and an infinite
        // product is not checked in either case by the general rules either.
        let shannonReject = shannon.rejectBound.map(shannonThreshold) ?? .infinity
        let shannonWarn = acknowledged.contains(.shannon) ? .infinity : shannonThreshold(shannon.warnBound)
        let chargeScale = ContactLoad.chargeScale(program.pulseWidth)
        let stepCheck = MultipleCheck(step: fractionStep.rawValue)
        let nominal = impedance.nominal.rawValue
        let short = impedance.short
        let open = impedance.open
        var cachedArea: Int64 = -1
        // chargeDensity: load > reject, or load > warn unacknowledged  ⟺  load > min(reject, warn or max).
        var densityLimit = Int64.max
        var squareCentimetres = 1.0
        var tally = PolarityTally()
        var largest: Int64 = 0
        var seen = ContactSet()
        let contacts = program.contacts
        for index in contacts.indices {
            let share = contacts[index]
            guard seen.insert(share.contact, at: index, in: contacts) else { return (false, 0) }
            let percent = share.percent.rawValue
            if percent != 0, !stepCheck.isMultiple(percent) { return (false, 0) }
            let ohms: Int64
            let magnitude = Int64(clamping: percent.magnitude)
            let (amperePercent, productOverflow) = amplitude.multipliedReportingOverflow(by: magnitude)
            guard !productOverflow else { return nil }
            switch share.contact {
            case .lead(let number):
                guard let area = area(ofContact: number) else { return (false, 0) }
                guard percent != 0 else { continue }
                tally.add(percent)
                if amperePercent > currentLimit { return (false, 0) }
                if area.rawValue != cachedArea {
                    cachedArea = area.rawValue
                    squareCentimetres = ContactLoad.squareCentimetres(area)
                    let (scale, o1) = area.rawValue.multipliedReportingOverflow(by: 1_000_000)
                    let (warn, o2) = chargeDensity.warn.rawValue.multipliedReportingOverflow(by: scale)
                    let (reject, o3) = (chargeDensity.reject?.rawValue ?? 0).multipliedReportingOverflow(by: scale)
                    guard !o1, !o2, !o3 else { return nil }
                    densityLimit = min(
                        chargeDensity.reject == nil ? .max : reject, densityAcknowledged ? .max : warn)
                }
                let (load, loadOverflow) = amperePercent.multipliedReportingOverflow(by: width)
                guard !loadOverflow else { return nil }
                if load > densityLimit { return (false, 0) }
                // `ContactLoad.shannonProduct`'s formula, so that the product is the same to the last bit.
                let charge = Double(amperePercent) * chargeScale
                let product = charge * charge / squareCentimetres
                if product > shannonReject || product > shannonWarn { return (false, 0) }
                if let measured = context.impedances.ohms(ofContact: number) {
                    if measured < short || measured > open { return (false, 0) }
                    ohms = measured.rawValue
                } else {
                    ohms = nominal
                }
            case .can:
                tally.add(percent)
                guard caseElectrode else { return (false, 0) }
                guard percent != 0 else { continue }
                ohms = (context.impedances.can ?? impedance.nominal).rawValue
            case .unrecognized:
                return (false, 0)
            }
            let (term, termOverflow) = amperePercent.multipliedReportingOverflow(by: max(ohms, 0))
            let (shareTimesOhms, shareOverflow) = magnitude.multipliedReportingOverflow(by: max(ohms, 0))
            guard !termOverflow, !shareOverflow else { return nil }
            if term > complianceFloor { return (false, 0) }
            largest = max(largest, shareTimesOhms)
        }
        return (tally.allows(maxActiveContacts: maxActiveContacts), largest)
    }
}

extension PolarityTally {
    /// Whether `report` would find nothing: one cathode and one anode at least, sums of ∓100 %, and no
    /// more active contacts than the device allows.
    @inline(__always)
    func allows(maxActiveContacts: Int) -> Bool {
        cathodes > 0 && anodes > 0 && cathodeSum == -Percent.whole.rawValue && anodeSum == Percent.whole.rawValue
            && cathodes + anodes <= maxActiveContacts
    }
}
