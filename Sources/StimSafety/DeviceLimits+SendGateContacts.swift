/// What the contact pass decides for a program, the same at every amplitude: the contact rules
/// refuse it, or the largest shares the load rules are checked with.
enum ContactPass: Sendable {
    case refused
    case shares(ContactShares)
}

/// The largest shares of a program's contacts, which decide every per-contact load rule.
struct ContactShares: Sendable {
    /// The largest share of a contact in the first area (every lead of most devices).
    var largestFirstAreaShare: Int64
    /// The largest share per area for the other areas (place 0 and the places past the device's areas
    /// stay 0).
    var largestOtherAreaShare: SIMD4<Int64>
    /// The largest `|p| × Z` of any active contact, for `compliance` and the battery model.
    var largestShareTimesOhms: Int64
}

extension DeviceLimits {
    /// The contact rules for the fast entry point, in 64-bit integers with overflow flags and early exit;
    /// none of them depends on the amplitude.
    ///
    /// Decides exactly as the general rules do. Every per-contact load rule grows with `|p|` for a given
    /// area (`a·|p|`, `a·|p|·PW` and the Shannon product never decrease as `|p|` grows), so one check of
    /// the largest share per area decides for all contacts of that area; compliance likewise needs only the
    /// largest `|p| × Z`. Returns nil (undecided) when any product leaves 64 bits or the device has more
    /// areas than are tracked, so that the general rules, which work in 128 bits, decide instead.
    @inline(__always)
    func contactPass(_ program: StimProgram, context: ValidationContext) -> ContactPass? {
        guard program.pulseWidth.rawValue >= 0, derived.tracksEveryArea else { return nil }
        if derived.areas.count == 1 && !context.impedances.mayMeasureLeads,
            let decided = plainContactPass(program, context: context)
        {
            return decided
        }
        return generalContactPass(program, context: context)
    }

    /// The contact pass for the usual map, lead contacts 0–63 of a device with one area, none of them
    /// measured: every step without a branch, the checks after the loop; nil for any other map (and for
    /// shares of 2⁴⁰ and more), which the general pass takes.
    @inline(__always)
    private func plainContactPass(_ program: StimProgram, context: ValidationContext) -> ContactPass? {
        var met: UInt64 = 0
        var repeated: UInt64 = 0
        var magnitudes: UInt64 = 0
        var largestShare: UInt64 = 0
        var largestKey: UInt64 = 0
        var shareSum: Int64 = 0
        var magnitudeSum: Int64 = 0
        var active = 0
        let contacts = program.contacts
        for index in contacts.indices {
            guard case .lead(let number) = contacts[index].contact, UInt(bitPattern: number) < 64 else { return nil }
            let percent = contacts[index].percent.rawValue
            let magnitude = percent.magnitude
            let bit: UInt64 = 1 &<< UInt64(truncatingIfNeeded: number)
            repeated |= met & bit
            met |= bit
            // A 0 % entry adds nothing below but its key.
            magnitudes |= magnitude
            largestShare = max(largestShare, magnitude)
            largestKey = max(largestKey, derived.fractionStep.key(magnitude))
            shareSum &+= percent
            magnitudeSum &+= Int64(bitPattern: magnitude)
            active &+= percent == 0 ? 0 : 1
        }
        // Below 2⁴⁰, the at most 64 distinct shares sum exactly; a repeated key fails whatever the sums.
        guard magnitudes >> 40 == 0 else { return nil }
        // Cathodes sum to −100 % and anodes to +100 % (so there is one of each) exactly when all shares sum
        // to 0 and their magnitudes to 200 %.
        guard repeated == 0, met & ~derived.leadsBelow64 == 0,
            derived.fractionStep.allMultiples(largestKey: largestKey),
            shareSum == 0, magnitudeSum == 2 * Percent.whole.rawValue, active <= maxActiveContacts
        else { return .refused }
        let share = Int64(largestShare)
        guard let largestShareTimesOhms = multiplied(share, max(impedance.nominal.rawValue, 0)) else { return nil }
        return .shares(
            ContactShares(
                largestFirstAreaShare: share, largestOtherAreaShare: SIMD4(),
                largestShareTimesOhms: largestShareTimesOhms))
    }

    /// The contact pass for any map.
    @inline(__always)
    private func generalContactPass(_ program: StimProgram, context: ValidationContext) -> ContactPass? {
        // The largest share per area: the first area (every lead of most devices) in a register, the
        // others, if any, in a vector.
        var largestFirstAreaShare: Int64 = 0
        var largestOtherAreaShare = SIMD4<Int64>()
        var largestShareTimesOhms: Int64 = 0
        var shareSum: Int64 = 0
        var magnitudeSum: Int64 = 0
        var active = 0
        // Lead contacts 0–63 that exist and have not been met yet, and whether the case has been met.
        var unmetLeads = derived.leadsBelow64
        var canMet = false
        let measuresLeads = context.impedances.mayMeasureLeads
        let contacts = program.contacts
        for index in contacts.indices {
            let percent = contacts[index].percent.rawValue
            let unsignedMagnitude = percent.magnitude
            // At most 1025 distinct contacts can be active (contact numbers stop at 1023, plus the case), so
            // shares below 2⁴⁰ keep the sums below exact.
            guard unsignedMagnitude >> 40 == 0 else { return nil }
            let magnitude = Int64(bitPattern: unsignedMagnitude)
            switch contacts[index].contact {
            case .lead(let number):
                // An unknown contact and one met before are both errors.
                if UInt(bitPattern: number) < 64 {
                    let bit: UInt64 = 1 &<< UInt64(truncatingIfNeeded: number)
                    guard unmetLeads & bit != 0 else { return .refused }
                    unmetLeads &= ~bit
                } else {
                    guard derived.areaIndex(ofContact: number) != nil,
                        !contacts[..<index].contains(where: { $0.contact == .lead(number) })
                    else { return .refused }
                }
                guard percent != 0 else { continue }
                if let area = derived.areaIndex(ofContact: number), area > 0 {
                    largestOtherAreaShare[area] = max(largestOtherAreaShare[area], magnitude)
                } else {
                    largestFirstAreaShare = max(largestFirstAreaShare, magnitude)
                }
                // Without measurements every lead contact is at the nominal impedance: taken after the loop.
                if measuresLeads {
                    let measured = context.impedances.ohms(ofContact: number)
                    if let measured, measured < impedance.short || measured > impedance.open { return .refused }
                    guard
                        let shareTimesOhms = multiplied(magnitude, max((measured ?? impedance.nominal).rawValue, 0))
                    else { return nil }
                    largestShareTimesOhms = max(largestShareTimesOhms, shareTimesOhms)
                }
            case .can:
                guard caseElectrode, !canMet else { return .refused }
                canMet = true
                guard percent != 0 else { continue }
                let ohms = context.impedances.can ?? impedance.nominal
                guard let shareTimesOhms = multiplied(magnitude, max(ohms.rawValue, 0)) else { return nil }
                largestShareTimesOhms = max(largestShareTimesOhms, shareTimesOhms)
            case .unrecognized:
                return .refused
            }
            guard derived.fractionStep.isMultiple(magnitude: unsignedMagnitude) else { return .refused }
            shareSum &+= percent
            magnitudeSum &+= magnitude
            active &+= 1
        }
        // Cathodes sum to −100 % and anodes to +100 % (so there is one of each) exactly when all shares sum
        // to 0 and their magnitudes to 200 %.
        guard shareSum == 0, magnitudeSum == 2 * Percent.whole.rawValue, active <= maxActiveContacts else {
            return .refused
        }
        if !measuresLeads {
            let largestLeadShare = max(largestFirstAreaShare, largestOtherAreaShare.max())
            guard let shareTimesOhms = multiplied(largestLeadShare, max(impedance.nominal.rawValue, 0)) else {
                return nil
            }
            largestShareTimesOhms = max(largestShareTimesOhms, shareTimesOhms)
        }
        return .shares(
            ContactShares(
                largestFirstAreaShare: largestFirstAreaShare,
                largestOtherAreaShare: largestOtherAreaShare,
                largestShareTimesOhms: largestShareTimesOhms))
    }

    /// The load rules at the programmed amplitude, and with a patient range their `patientRange.` forms
    /// at its maximum (which the send gate has checked is at least the programmed amplitude), for
    /// the contact pass's `shares`; nil when a product leaves 64 bits.
    @inline(__always)
    func loadsAllowSending(_ program: StimProgram, context: ValidationContext, shares: ContactShares) -> Bool? {
        let allowedAt = { (amplitude: Nanoamps, rules: LoadRules) in
            self.loadsAllow(
                amplitude: amplitude, rules: rules, program.pulseWidth, acknowledged: context.acknowledged,
                shares: shares)
        }
        guard let allowed = allowedAt(program.amplitude, .programmed) else { return nil }
        guard allowed, let range = program.patientRange else { return allowed }
        return allowedAt(range.max, .patientMaximum)
    }

    /// `compliance` for the largest `|p| × Z`, and `current.contact`, `chargeDensity` and `shannon` for the
    /// largest share of each area (the first, and the others when the device has more), at `amplitude`
    /// and under the ids of `rules`; nil when a product leaves 64 bits.
    @inline(__always)
    private func loadsAllow(
        amplitude: Nanoamps, rules: LoadRules, _ pulseWidth: Nanoseconds, acknowledged: RuleSet, shares: ContactShares
    ) -> Bool? {
        guard let term = multiplied(amplitude.rawValue, shares.largestShareTimesOhms) else { return nil }
        // Some contact's `a·|p|·Z` exceeds a bound exactly when the largest does.
        if !allows(derived.complianceSeverity(Int128(term)), rules.compliance, acknowledged) { return false }
        // The current, density and Shannon rules: one check of the largest share per area.
        if shares.largestFirstAreaShare > 0 {
            guard
                let allowed = loadAllows(
                    amplitude: amplitude, pulseWidth, share: shares.largestFirstAreaShare, area: 0, rules: rules,
                    acknowledged: acknowledged)
            else { return nil }
            if !allowed { return false }
        }
        for area in derived.areas.indices.dropFirst() where shares.largestOtherAreaShare[area] > 0 {
            guard
                let allowed = loadAllows(
                    amplitude: amplitude, pulseWidth, share: shares.largestOtherAreaShare[area], area: area,
                    rules: rules, acknowledged: acknowledged)
            else { return nil }
            if !allowed { return false }
        }
        return true
    }

    /// `current.contact`, `chargeDensity` and `shannon` (under the ids of `rules`) for a lead contact of
    /// `area` carrying `share` of `amplitude`; nil when a product leaves 64 bits.
    @inline(__always)
    private func loadAllows(
        amplitude: Nanoamps, _ pulseWidth: Nanoseconds, share: Int64, area: Int, rules: LoadRules,
        acknowledged: RuleSet
    ) -> Bool? {
        let bounds = derived.areas[area]
        guard let amperePercent = multiplied(amplitude.rawValue, share),
            let load = multiplied(amperePercent, pulseWidth.rawValue)
        else { return nil }
        if derived.exceedsCurrent(Int128(amperePercent)) { return false }
        if !allows(bounds.densitySeverity(Int128(load)), rules.chargeDensity, acknowledged) { return false }
        // `ContactLoad.charge`, so that `Q²` matches the general rules' to the last bit.
        let charge = Double(amperePercent) * ContactLoad.chargeScale(pulseWidth)
        return allows(bounds.shannonSeverity(squaredCharge: charge * charge), rules.shannon, acknowledged)
    }
}

/// Whether a finding of `severity` (nil: none) under `rule` leaves the set sendable, as `SendGate` decides.
@inline(__always)
private func allows(_ severity: Severity?, _ rule: RuleID, _ acknowledged: RuleSet) -> Bool {
    guard let severity else { return true }
    return severity == .warning && acknowledged.contains(rule)
}

/// `x × y`, or nil when it leaves 64 bits.
@inline(__always)
private func multiplied(_ x: Int64, _ y: Int64) -> Int64? {
    let (product, overflow) = x.multipliedReportingOverflow(by: y)
    return overflow ? nil : product
}
