/// What the contact rules decide for a program, the same at every amplitude: they refuse it, or the
/// largest shares the load rules are checked with.
enum ContactPass: Sendable {
    case refused
    case shares(ContactShares)
}

/// The largest shares of a program's contacts, which decide every per-contact load rule.
struct ContactShares: Sendable {
    /// The largest share of a contact per tracked area, by the area's index (the first area holds every
    /// lead of most devices; the places past the device's areas stay 0).
    var largestShare = SIMD4<Int64>()
    /// The largest `|p| × Z` of any active contact, for `compliance` and the battery model.
    var largestShareTimesOhms: Int128 = 0

    /// `largestShareTimesOhms` within `Int64`, as `Int64(clamping:)` gives it: never negative, so only the
    /// upper end is clamped.
    var clampedShareTimesOhms: Int64 {
        Int64(truncatingIfNeeded: min(largestShareTimesOhms, Int128(Int64.max)))
    }

    /// Takes in an active contact carrying `magnitude` (`|p|`) through `ohms`, of the area at index `area`
    /// (nil for the case).
    @inline(__always)
    mutating func add(_ magnitude: Int64, area: Int?, ohms: Milliohms) {
        largestShareTimesOhms = max(largestShareTimesOhms, exactProduct(magnitude, max(ohms.rawValue, 0)))
        guard let area else { return }
        if area < DerivedLimits.trackedAreas {
            largestShare[area] = max(largestShare[area], magnitude)
        }
    }
}

extension DeviceLimits {
    /// The contact rules for the send gate, none of which depends on the amplitude: for the usual map by
    /// the branch-free pass, else by the rules' own pass into a send gate; nil when the device has more
    /// areas than are tracked, so that the general rules decide instead.
    ///
    /// Every per-contact load rule grows with `|p|` for a given area (`a·|p|`, `a·|p|·PW` and the Shannon
    /// product never decrease as `|p|` grows), so one check of the largest share per area decides for all
    /// contacts of that area; compliance likewise needs only the largest `|p| × Z`.
    @inline(__always)
    func contactPass(_ program: StimProgram, context: ValidationContext) -> ContactPass? {
        guard derived.tracksEveryArea else { return nil }
        if derived.areas.count == 1 && !context.impedances.mayMeasureLeads,
            let decided = plainContactPass(program)
        {
            return decided
        }
        return generalContactPass(program, context: context)
    }

    /// The contact rules for any map, by the rules' own pass into a send gate.
    ///
    /// Not inlined, so that the fast pass keeps its registers.
    @inline(never)
    private func generalContactPass(_ program: StimProgram, context: ValidationContext) -> ContactPass {
        var gate = SendGate(acknowledged: context.acknowledged)
        let shares = checkContactMap(program, context: context, into: &gate)
        return gate.maySend ? .shares(shares) : .refused
    }

    /// The contact rules of `checkContactMap` for the usual map, lead contacts 0–63 of a device with one
    /// area, none of them measured: every step without a branch, the checks after the loop; nil for any
    /// other map, and for shares too large for its 64-bit sums.
    @inline(__always)
    private func plainContactPass(_ program: StimProgram) -> ContactPass? {
        var met: UInt64 = 0
        var repeated: UInt64 = 0
        var largestKey: UInt64 = 0
        var tally = PolarityTally<Int64>()
        let step = derived.fractionStep
        let contacts = program.contacts
        for index in contacts.indices {
            guard case .lead(let number) = contacts[index].contact, UInt(bitPattern: number) < 64 else { return nil }
            let percent = contacts[index].percent.rawValue
            let magnitude = percent.magnitude
            let bit: UInt64 = 1 &<< UInt64(truncatingIfNeeded: number)
            repeated |= met & bit
            met |= bit
            // A 0 % entry adds nothing below but its key.
            largestKey = max(largestKey, step.key(magnitude))
            tally.add(percent)
        }
        guard tally.isExact else { return nil }
        guard repeated == 0, met & ~derived.leadsBelow64 == 0,
            step.allMultiples(largestKey: largestKey), tally.isBalanced,
            tally.active <= maxActiveContacts
        else { return .refused }
        var shares = ContactShares()
        shares.add(Int64(clamping: tally.largestMagnitude), area: 0, ohms: impedance.nominal)
        return .shares(shares)
    }

    /// Whether the load rules let the program be sent, for the contact pass's `shares`.
    @inline(__always)
    func loadsAllowSending(_ program: StimProgram, context: ValidationContext, shares: ContactShares) -> Bool {
        var gate = SendGate(acknowledged: context.acknowledged)
        checkLoads(program, shares: shares, into: &gate)
        return gate.maySend
    }

    /// The load rules at the programmed amplitude, and with a patient range their `patientRange.` forms at
    /// its maximum, for the largest shares of a program's contacts: a rule fires for some contact exactly
    /// when it fires here.
    @inline(__always)
    func checkLoads<Sink: FindingSink>(_ program: StimProgram, shares: ContactShares, into sink: inout Sink) {
        checkLoads(program.amplitude, rules: .programmed, program.pulseWidth, shares: shares, into: &sink)
        if let range = program.patientRange {
            checkLoads(range.max, rules: .patientMaximum, program.pulseWidth, shares: shares, into: &sink)
        }
    }

    /// The load rules at `amplitude` under the ids of `rules`, each checked once for the largest share
    /// of each area and the largest `|p| × Z`.
    @inline(__always)
    private func checkLoads<Sink: FindingSink>(
        _ amplitude: Nanoamps, rules: LoadRules, _ pulseWidth: Nanoseconds, shares: ContactShares,
        into gate: inout Sink
    ) {
        checkCompliance(
            amplitude: amplitude, shareTimesOhms: shares.largestShareTimesOhms, contact: nil, rule: rules.compliance,
            into: &gate)
        if shares.largestShare[0] > 0 {
            checkLoad(
                shares.largestShare[0], area: 0, contact: nil, amplitude: amplitude, pulseWidth: pulseWidth,
                rules: rules, into: &gate)
        }
        for area in derived.areas.indices.dropFirst() where shares.largestShare[area] > 0 {
            checkLoad(
                shares.largestShare[area], area: area, contact: nil, amplitude: amplitude,
                pulseWidth: pulseWidth, rules: rules, into: &gate)
        }
    }
}
