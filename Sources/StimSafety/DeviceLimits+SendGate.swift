extension DeviceLimits {
    /// Every rule but the contact and patient-range rules, on their fast forms, for the fast entry point;
    /// nil when the device or the program needs a rule's general form (a piecewise grid, a slot group, a
    /// burst, a rate given as a period, a battery model without an edge, or a number beyond 64 bits).
    /// Decides exactly as the general rules do.
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
            let rateAllowed = derived.rateGrid(for: program.waveform)?.allows(rate.rawValue),
            let fits = pulseFitsPeriod(program, rate: rate)
        else { return nil }
        // `RateGrid.contains` counts only positive rates as in range.
        guard amplitudeAllowed, pulseWidthAllowed, rate.rawValue > 0, rateAllowed, fits else { return false }
        let acknowledged = context.acknowledged
        if !acknowledged.contains(.amplitudeSlew), let running = context.runningAmplitude,
            let slewMax = amplitudeSlewMax
        {
            let (increase, overflow) = program.amplitude.rawValue.subtractingReportingOverflow(running.rawValue)
            guard !overflow else { return nil }
            if increase > slewMax.rawValue { return false }
        }
        guard !acknowledged.contains(.battery) else { return true }
        return batteryWarns(program, rate: rate, largestShareTimesOhms: largestShareTimesOhms).map { !$0 }
    }

    /// `timing.period` for a tonic or high-frequency pulse at `rate`, in 64 bits:
    /// `(width + gap + recovery) × f ≤ 10¹²` (ns × mHz); nil for a product beyond 64 bits.
    @inline(__always)
    private func pulseFitsPeriod(_ program: StimProgram, rate: Millihertz) -> Bool? {
        guard rate.rawValue > 0 else { return true }
        let width = program.pulseWidth.rawValue
        let recovery: Int64
        switch (program.recovery, passiveRecoveryMin) {
        case (.active, _): recovery = width
        case (.passive, let minimum?): recovery = minimum.rawValue
        case (.passive, nil):
            let (threeWidths, overflow) = width.multipliedReportingOverflow(by: 3)
            guard !overflow else { return nil }
            recovery = threeWidths
        }
        let (pulse, pulseOverflow) = width.addingReportingOverflow((program.interphaseGap ?? interphaseGap).rawValue)
        let (duration, durationOverflow) = pulse.addingReportingOverflow(recovery)
        let (product, productOverflow) = duration.multipliedReportingOverflow(by: rate.rawValue)
        guard !pulseOverflow, !durationOverflow, !productOverflow else { return nil }
        return product <= Int64(Rate.periodScale)
    }

    /// Whether the `battery` rule warns for a tonic or high-frequency program at `rate`: from the estimate
    /// where it decides, else by comparing the rule's own supply load with the edge; nil where the device
    /// has no edge or the load is not finite and non-negative.
    @inline(__always)
    private func batteryWarns(_ program: StimProgram, rate: Millihertz, largestShareTimesOhms: Int64) -> Bool? {
        guard let edge = derived.battery else { return nil }
        let supply = battery.supplyVoltage(
            requiredVoltage: requiredVoltage(amplitude: program.amplitude, largestShareTimesOhms: largestShareTimesOhms)
        )
        if let warns = edge.warnsClearly(
            amplitude: program.amplitude.rawValue, pulseWidth: program.pulseWidth.rawValue, rate: rate.rawValue,
            phases: program.recovery == .active ? 2 : 1, duty: program.cycling?.duty ?? 1, supply: supply)
        {
            return warns
        }
        guard let pulseRate = program.pulseRate else { return false }
        let stimulationCurrent = BatteryEstimate.stimulationCurrent(
            amplitude: program.amplitude, pulseWidth: program.pulseWidth, pulseRate: pulseRate,
            recovery: program.recovery)
        let load = supply * stimulationCurrent
        guard load >= 0, load <= .greatestFiniteMagnitude else { return nil }
        return load > edge.limit
    }
}
