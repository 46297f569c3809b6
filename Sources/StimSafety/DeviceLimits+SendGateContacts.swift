extension DeviceLimits {
    /// The contact rules for the fast entry point, in 64-bit integers with overflow flags and early exit.
    ///
    /// Decides exactly as the general rules do. Every per-contact load rule grows with `|p|` for a given
    /// area (`a·|p|`, `a·|p|·PW` and the Shannon product never decrease as `|p|` grows), so one check of
    /// the largest share per area decides for all contacts of that area; compliance likewise needs only the
    /// largest `|p| × Z`. Returns nil (undecided) when any product leaves 64 bits or the device has more
    /// areas than are tracked, so that the general rules, which work in 128 bits, decide instead; on
    /// success it also returns the largest `|p| × Z` for the battery model.
    @inline(__always)
    func contactsAllowSending(
        _ program: StimProgram, context: ValidationContext
    ) -> (allowed: Bool, largestShareTimesOhms: Int64)? {
        let amplitude = program.amplitude.rawValue
        let width = program.pulseWidth.rawValue
        guard amplitude >= 0, width >= 0, derived.tracksEveryArea else { return nil }
        // The largest share per area: the first area (every lead of most devices) in a register.
        var largestFirstAreaShare: Int64 = 0
        var largestShare = SIMD4<Int64>()
        var largestShareTimesOhms: Int64 = 0
        var shareSum: Int64 = 0
        var magnitudeSum: Int64 = 0
        var active = 0
        // Lead contacts 0–63 that exist and have not been met yet, and whether the case has been met.
        var unmetLeads = derived.leadsBelow64
        var canMet = false
        let oneArea = derived.areas.count == 1
        let measuresLeads = context.impedances.mayMeasureLeads
        let contacts = program.contacts
        for index in contacts.indices {
            let percent = contacts[index].percent.rawValue
            let unsignedMagnitude = percent.magnitude
            // At most 1025 distinct contacts can be active (contact numbers stop at 1023, plus the case), so
            // shares below 2⁴⁰ keep the sums below exact.
            guard unsignedMagnitude < 1 << 40 else { return nil }
            let magnitude = Int64(bitPattern: unsignedMagnitude)
            switch contacts[index].contact {
            case .lead(let number):
                // An unknown contact and one met before are both errors.
                if UInt(bitPattern: number) < 64 {
                    let bit: UInt64 = 1 &<< UInt64(truncatingIfNeeded: number)
                    guard unmetLeads & bit != 0 else { return (false, 0) }
                    unmetLeads &= ~bit
                } else {
                    guard derived.areaIndex(ofContact: number) != nil,
                        !contacts[..<index].contains(where: { $0.contact == .lead(number) })
                    else { return (false, 0) }
                }
                guard percent != 0 else { continue }
                if oneArea {
                    largestFirstAreaShare = max(largestFirstAreaShare, magnitude)
                } else if let area = derived.areaIndex(ofContact: number) {
                    largestShare[area] = max(largestShare[area], magnitude)
                }
                // Without measurements every lead contact is at the nominal impedance: taken after the loop.
                if measuresLeads {
                    let measured = context.impedances.ohms(ofContact: number)
                    if let measured, measured < impedance.short || measured > impedance.open { return (false, 0) }
                    guard let shareTimesOhms = multiplied(magnitude, max((measured ?? impedance.nominal).rawValue, 0))
                    else { return nil }
                    largestShareTimesOhms = max(largestShareTimesOhms, shareTimesOhms)
                }
            case .can:
                guard caseElectrode, !canMet else { return (false, 0) }
                canMet = true
                guard percent != 0 else { continue }
                let ohms = context.impedances.can ?? impedance.nominal
                guard let shareTimesOhms = multiplied(magnitude, max(ohms.rawValue, 0)) else { return nil }
                largestShareTimesOhms = max(largestShareTimesOhms, shareTimesOhms)
            case .unrecognized:
                return (false, 0)
            }
            guard derived.fractionStep.isMultiple(magnitude: unsignedMagnitude) else { return (false, 0) }
            shareSum &+= percent
            magnitudeSum &+= magnitude
            active &+= 1
        }
        largestShare[0] = max(largestShare[0], largestFirstAreaShare)
        if !measuresLeads {
            guard let shareTimesOhms = multiplied(largestShare.max(), max(impedance.nominal.rawValue, 0)) else {
                return nil
            }
            largestShareTimesOhms = max(largestShareTimesOhms, shareTimesOhms)
        }
        // Cathodes sum to −100 % and anodes to +100 % (so there is one of each) exactly when all shares sum
        // to 0 and their magnitudes to 200 %.
        guard shareSum == 0, magnitudeSum == 2 * Percent.whole.rawValue, active <= maxActiveContacts else {
            return (false, 0)
        }
        guard let allowed = loadsAllowSending(program, largestShare: largestShare, context: context),
            let term = multiplied(amplitude, largestShareTimesOhms)
        else { return nil }
        // With at least two active contacts, some contact's `a·|p|·Z` exceeds a bound exactly when the largest does.
        let complianceBound =
            context.acknowledged.contains(.compliance) ? derived.complianceError : derived.complianceWarning
        return (allowed && term <= complianceBound, largestShareTimesOhms)
    }

    /// `current.contact`, `chargeDensity` and `shannon` for the largest share of each area; nil when a
    /// product leaves 64 bits.
    @inline(__always)
    private func loadsAllowSending(
        _ program: StimProgram, largestShare: SIMD4<Int64>, context: ValidationContext
    ) -> Bool? {
        let densityAcknowledged = context.acknowledged.contains(.chargeDensity)
        let shannonAcknowledged = context.acknowledged.contains(.shannon)
        let chargeScale = ContactLoad.chargeScale(program.pulseWidth)
        for area in derived.areas.indices where largestShare[area] > 0 {
            let bounds = derived.areas[area]
            guard let amperePercent = multiplied(program.amplitude.rawValue, largestShare[area]),
                let load = multiplied(amperePercent, program.pulseWidth.rawValue)
            else { return nil }
            if amperePercent > derived.currentLimit { return false }
            if load > min(bounds.densityReject, densityAcknowledged ? .max : bounds.densityWarn) { return false }
            // `ContactLoad.shannonProduct`'s charge, so that `Q²` and the bound it is compared with match the
            // general rules' product to the last bit.
            let charge = Double(amperePercent) * chargeScale
            if charge * charge > min(bounds.shannonReject, shannonAcknowledged ? .infinity : bounds.shannonWarn) {
                return false
            }
        }
        return true
    }
}

/// `x × y`, or nil when it leaves 64 bits.
@inline(__always)
private func multiplied(_ x: Int64, _ y: Int64) -> Int64? {
    let (product, overflow) = x.multipliedReportingOverflow(by: y)
    return overflow ? nil : product
}
