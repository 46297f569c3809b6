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
        guard program.amplitude.rawValue >= 0, program.pulseWidth.rawValue >= 0, derived.tracksEveryArea else {
            return nil
        }
        // One area and no measured lead contact, as for most devices and programs: a pass of its own, in which
        // a lead contact's share is all there is to note.
        if derived.areas.count == 1 && !context.impedances.mayMeasureLeads {
            return contactPass(program, context: context, plain: PlainContacts.self)
        }
        return contactPass(program, context: context, plain: AnyContacts.self)
    }

    /// The contact pass, compiled once for plain contacts and once for any.
    @inline(__always)
    private func contactPass<Kind: ContactKind>(
        _ program: StimProgram, context: ValidationContext, plain _: Kind.Type
    ) -> (allowed: Bool, largestShareTimesOhms: Int64)? {
        let amplitude = program.amplitude.rawValue
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
        let plain = Kind.isPlain
        let oneArea = plain || derived.areas.count == 1
        let measuresLeads = !plain && context.impedances.mayMeasureLeads
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
                    guard unmetLeads & bit != 0 else { return (false, 0) }
                    unmetLeads &= ~bit
                } else {
                    guard derived.areaIndex(ofContact: number) != nil,
                        !contacts[..<index].contains(where: { $0.contact == .lead(number) })
                    else { return (false, 0) }
                }
                guard percent != 0 else { continue }
                if plain {
                    largestFirstAreaShare = max(largestFirstAreaShare, magnitude)
                } else {
                    if let area = derived.areaIndex(ofContact: number), area > 0 {
                        largestOtherAreaShare[area] = max(largestOtherAreaShare[area], magnitude)
                    } else {
                        largestFirstAreaShare = max(largestFirstAreaShare, magnitude)
                    }
                    // Without measurements every lead contact is at the nominal impedance: taken after the loop.
                    if measuresLeads {
                        let measured = context.impedances.ohms(ofContact: number)
                        if let measured, measured < impedance.short || measured > impedance.open {
                            return (false, 0)
                        }
                        guard
                            let shareTimesOhms = multiplied(
                                magnitude, max((measured ?? impedance.nominal).rawValue, 0))
                        else { return nil }
                        largestShareTimesOhms = max(largestShareTimesOhms, shareTimesOhms)
                    }
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
        // Cathodes sum to −100 % and anodes to +100 % (so there is one of each) exactly when all shares sum
        // to 0 and their magnitudes to 200 %.
        guard shareSum == 0, magnitudeSum == 2 * Percent.whole.rawValue, active <= maxActiveContacts else {
            return (false, 0)
        }
        let acknowledged = context.acknowledged
        let largestLeadShare = oneArea ? largestFirstAreaShare : max(largestFirstAreaShare, largestOtherAreaShare.max())
        if !measuresLeads {
            guard let shareTimesOhms = multiplied(largestLeadShare, max(impedance.nominal.rawValue, 0)) else {
                return nil
            }
            largestShareTimesOhms = max(largestShareTimesOhms, shareTimesOhms)
        }
        guard let term = multiplied(amplitude, largestShareTimesOhms) else { return nil }
        // With at least two active contacts, some contact's `a·|p|·Z` exceeds a bound exactly when the largest does.
        if term > (acknowledged.contains(.compliance) ? derived.complianceError : derived.complianceWarning) {
            return (false, 0)
        }
        // The current, density and Shannon rules: one check of the largest share per area.
        if largestFirstAreaShare > 0 {
            guard let allowed = loadAllows(program, share: largestFirstAreaShare, area: 0, acknowledged: acknowledged)
            else { return nil }
            if !allowed { return (false, 0) }
        }
        if !oneArea {
            for area in derived.areas.indices.dropFirst() where largestOtherAreaShare[area] > 0 {
                guard
                    let allowed = loadAllows(
                        program, share: largestOtherAreaShare[area], area: area, acknowledged: acknowledged)
                else { return nil }
                if !allowed { return (false, 0) }
            }
        }
        return (true, largestShareTimesOhms)
    }

    /// `current.contact`, `chargeDensity` and `shannon` for a lead contact of `area` carrying `share`; nil
    /// when a product leaves 64 bits.
    @inline(__always)
    private func loadAllows(_ program: StimProgram, share: Int64, area: Int, acknowledged: RuleSet) -> Bool? {
        let bounds = derived.areas[area]
        guard let amperePercent = multiplied(program.amplitude.rawValue, share),
            let load = multiplied(amperePercent, program.pulseWidth.rawValue)
        else { return nil }
        if amperePercent > derived.currentLimit { return false }
        let density = acknowledged.contains(.chargeDensity) ? bounds.densityReject : bounds.densityLimit
        if load > density { return false }
        // `ContactLoad.shannonProduct`'s charge, so that `Q²` and the bound it is compared with match the
        // general rules' product to the last bit.
        let charge = Double(amperePercent) * ContactLoad.chargeScale(program.pulseWidth)
        return charge * charge <= (acknowledged.contains(.shannon) ? bounds.shannonReject : bounds.shannonLimit)
    }
}

/// `x × y`, or nil when it leaves 64 bits.
@inline(__always)
private func multiplied(_ x: Int64, _ y: Int64) -> Int64? {
    let (product, overflow) = x.multipliedReportingOverflow(by: y)
    return overflow ? nil : product
}

/// Whether a contact pass may take every lead contact to be of the first area and unmeasured.
private protocol ContactKind {
    static var isPlain: Bool { get }
}

/// One area, no measured lead contact.
private enum PlainContacts: ContactKind {
    static var isPlain: Bool { true }
}

/// Any number of areas and measurements.
private enum AnyContacts: ContactKind {
    static var isPlain: Bool { false }
}
