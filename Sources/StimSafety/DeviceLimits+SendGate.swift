extension DeviceLimits {
    /// Every rule but the contact and patient-range rules, for the fast entry point, by the same decisions the
    /// rules make (the grids' fast forms, `timingViolation`, `slewBreak`, `batteryEdgeWarns`); nil when the
    /// device or the program needs a rule's general form (a piecewise grid, a slot group, a burst, a rate
    /// given as a period, or a battery model without an edge).
    ///
    /// `largestShareTimesOhms` is the contact pass's result, for the battery model.
    @inline(__always)
    func otherRulesAllowSending(
        _ program: StimProgram, context: ValidationContext, largestShareTimesOhms: Int64
    ) -> Bool? {
        // A slot of a slot group has its own grids, which only the general rules know.
        guard context.slot == nil || groups.isEmpty,
            case .frequency(let rate) = program.rate,
            let amplitudeAllowed = derived.amplitude?.allows(program.amplitude.rawValue),
            let pulseWidthAllowed = derived.pulseWidth?.allows(program.pulseWidth.rawValue),
            let rateAllowed = derived.rateGrid(for: program.waveform)?.allows(rate.rawValue)
        else { return nil }
        // `RateGrid.contains` counts only positive rates as in range.
        guard amplitudeAllowed, pulseWidthAllowed, rate.rawValue > 0, rateAllowed, timingViolation(of: program) == nil
        else { return false }
        let acknowledged = context.acknowledged
        if !acknowledged.contains(.amplitudeSlew), slewBreak(program, context: context) != nil { return false }
        guard !acknowledged.contains(.battery) else { return true }
        let requiredVoltage = requiredVoltage(
            amplitude: program.amplitude, largestShareTimesOhms: largestShareTimesOhms)
        return batteryEdgeWarns(program, requiredVoltage: requiredVoltage).map { !$0 }
    }
}
