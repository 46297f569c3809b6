/// Runs every rule of `safety-rules.md` §2 over one program and reports each finding to a sink.
///
/// All rules always run; a missing field or an unknown contact skips only what needs it.
///
/// The rules are methods of the limits themselves, so neither the limits nor the context is copied.
extension DeviceLimits {
    /// Every rule; with `contactsChecked`, the send gate's contact pass and load rules (at the programmed
    /// amplitude and at the patient range's maximum) have already cleared the program, and
    /// `metrics.maxRequiredVoltage` holds the pass's result.
    @inline(__always)
    func runRules<Sink: FindingSink>(
        _ program: StimProgram, context: ValidationContext, into sink: inout Sink, metrics: Metrics = Metrics(),
        contactsChecked: Bool = false
    ) -> Metrics {
        var metrics = metrics
        checkAmplitude(program, into: &sink)
        checkPulseWidth(program, slot: context.slot, into: &sink)
        checkWaveformAndRate(program, slot: context.slot, into: &sink)
        if !contactsChecked {
            checkContacts(program, context: context, into: &sink, metrics: &metrics)
            checkPatientRange(program, into: &sink)
        }
        checkTiming(program, into: &sink)
        checkBattery(program, into: &sink, metrics: &metrics)
        checkSlew(program, context: context, into: &sink)
        return metrics
    }

    /// The range and step rules of `grid`; `uniform`, the grid's fast form where it has one, clears a
    /// settable value without a division and without fetching the grid.
    @inline(__always)
    private func checkGrid<Quantity: FixedPoint, Sink: FindingSink>(
        _ value: Quantity, uniform: UniformGrid?, grid: @autoclosure () -> Grid<Quantity>, range: RuleID,
        step: RuleID, into sink: inout Sink
    ) {
        if let uniform, uniform.allows(value.rawValue) { return }
        let grid = grid()
        if value < grid.min {
            sink.report(range, .error, reason: .belowMinimum, value: value.doubleValue, limit: grid.min.doubleValue)
        } else if value > grid.max {
            sink.report(range, .error, reason: .aboveMaximum, value: value.doubleValue, limit: grid.max.doubleValue)
        }
        if !grid.isOnStep(value) {
            sink.report(
                step, .error, reason: grid.hasMoreDecimalsThanItsStep(value) ? .finerThanStep : .offGrid,
                value: value.doubleValue, limit: grid.segment(for: value).step.doubleValue(of: Quantity.self))
        }
    }

    @inline(__always)
    private func checkAmplitude<Sink: FindingSink>(_ program: StimProgram, into sink: inout Sink) {
        checkGrid(
            program.amplitude, uniform: derived.amplitude, grid: self.amplitude, range: .amplitudeRange,
            step: .amplitudeStep, into: &sink)
    }

    @inline(__always)
    private func checkPulseWidth<Sink: FindingSink>(_ program: StimProgram, slot: Slot?, into sink: inout Sink) {
        // A slot of a slot group has its own grid, which has no fast form.
        let grouped = group(forSlot: slot) != nil
        checkGrid(
            program.pulseWidth, uniform: grouped ? nil : derived.pulseWidth, grid: pulseWidthGrid(forSlot: slot),
            range: .pulseWidthRange, step: .pulseWidthStep, into: &sink)
    }

    @inline(__always)
    private func checkWaveformAndRate<Sink: FindingSink>(_ program: StimProgram, slot: Slot?, into sink: inout Sink) {
        // A rate the fast form of a device-wide tonic or high-frequency grid allows is supported and settable,
        // and has no burst rules.
        if fastRateGridAllows(program.rate, waveform: program.waveform, slot: slot) { return }
        guard let grid = rateGrid(for: program.waveform, slot: slot) else {
            sink.report(.waveformSupported, .error, reason: .notSupported)
            return
        }
        checkRate(program.rate, grid, into: &sink)
        guard program.waveform == .burst, let burst = self.waveforms.burst else { return }
        checkBurst(program, burst, into: &sink)
    }

    /// Whether the fast form of the rate grid, which a device-wide tonic or high-frequency grid with one step
    /// has, clears `rate` as supported and settable (the send gate asks the same form).
    @inline(__always)
    private func fastRateGridAllows(_ rate: Rate, waveform: Waveform, slot: Slot?) -> Bool {
        guard group(forSlot: slot) == nil, case .frequency(let value) = rate,
            let uniform = derived.rateGrid(for: waveform)
        else { return false }
        // `RateGrid.contains` counts only positive rates as in range.
        return value.rawValue > 0 && uniform.allows(value.rawValue)
    }

    /// `frequency.range` and `frequency.step`.
    @inline(__always)
    private func checkRate<Sink: FindingSink>(_ rate: Rate, _ grid: RateGrid, into sink: inout Sink) {
        if !grid.contains(rate) {
            let (low, high) = grid.bounds
            let below = rate.hertz < low.doubleValue
            sink.report(
                .frequencyRange, .error, reason: below ? .belowMinimum : .aboveMaximum, value: rate.hertz,
                limit: (below ? low : high).doubleValue)
        }
        if !grid.isOnStep(rate) {
            sink.report(.frequencyStep, .error, reason: .offGrid, value: rate.hertz, limit: grid.stepSize)
        }
    }

    @inline(__always)
    private func checkBurst<Sink: FindingSink>(_ program: StimProgram, _ burst: BurstRates, into sink: inout Sink) {
        guard let pulses = program.pulsesPerBurst else {
            sink.report(.burstRange, .error, reason: .missing)
            return
        }
        if !burst.pulsesPerBurst.contains(pulses) {
            let below = pulses < burst.pulsesPerBurst.lowerBound
            sink.report(
                .burstRange, .error, reason: below ? .belowMinimum : .aboveMaximum, value: Double(pulses),
                limit: Double(below ? burst.pulsesPerBurst.lowerBound : burst.pulsesPerBurst.upperBound))
            return
        }
        guard let intra = program.intraBurstRate else {
            sink.report(.burstRange, .error, reason: .missing)
            return
        }
        if intra < burst.intraBurstRate.min {
            sink.report(
                .burstRange, .error, reason: .belowMinimum, value: intra.doubleValue,
                limit: burst.intraBurstRate.min.doubleValue)
        } else if intra > burst.intraBurstRate.max {
            sink.report(
                .burstRange, .error, reason: .aboveMaximum, value: intra.doubleValue,
                limit: burst.intraBurstRate.max.doubleValue)
        } else if !burst.intraBurstRate.isOnStep(intra) {
            let isFiner = burst.intraBurstRate.hasMoreDecimalsThanItsStep(intra)
            sink.report(
                .burstRange, .error, reason: isFiner ? .finerThanStep : .offGrid, value: intra.doubleValue,
                limit: burst.intraBurstRate.segment(for: intra).step.doubleValue(of: Millihertz.self))
        }
    }

    /// `patientRange`'s own checks; `checkContacts` checks the load rules at the range's maximum.
    @inline(__always)
    private func checkPatientRange<Sink: FindingSink>(_ program: StimProgram, into sink: inout Sink) {
        guard let range = program.patientRange else { return }
        if let broken = patientRangeBreak(program, range) {
            sink.report(
                .patientRange, .error, reason: broken.reason, value: broken.value.doubleValue,
                limit: broken.limit.doubleValue)
        }
    }

    /// What breaks `range`'s own checks, if anything: a bound outside the device's amplitude range, or
    /// the programmed amplitude outside `range`; with the value and the bound it is reported against.
    /// The fast entry point refuses on the same conditions.
    @inline(__always)
    func patientRangeBreak(
        _ program: StimProgram, _ range: PatientRange
    ) -> (reason: FindingReason, value: Nanoamps, limit: Nanoamps)? {
        if range.min < self.amplitude.min { return (.outsideAmplitude, range.min, self.amplitude.min) }
        if range.max > self.amplitude.max { return (.outsideAmplitude, range.max, self.amplitude.max) }
        if program.amplitude < range.min { return (.amplitudeOutsideRange, program.amplitude, range.min) }
        if program.amplitude > range.max { return (.amplitudeOutsideRange, program.amplitude, range.max) }
        return nil
    }

    @inline(__always)
    private func checkSlew<Sink: FindingSink>(
        _ program: StimProgram, context: ValidationContext, into sink: inout Sink
    ) {
        guard let increase = slewBreak(program, context: context), let slewMax = self.amplitudeSlewMax else { return }
        sink.report(
            .amplitudeSlew, .warning, reason: .stepTooLarge,
            value: Double(converting: increase) / Double(Nanoamps.subunitsPerUnit), limit: slewMax.doubleValue)
    }

    /// The increase over the running amplitude in nA when it exceeds the device's largest step, else nil.
    @inline(__always)
    func slewBreak(_ program: StimProgram, context: ValidationContext) -> Int128? {
        guard let running = context.runningAmplitude, let slewMax = self.amplitudeSlewMax else { return nil }
        // In 128 bits: an absurd running amplitude must not overflow the difference.
        let increase = Int128(program.amplitude.rawValue) - Int128(running.rawValue)
        return increase > Int128(slewMax.rawValue) ? increase : nil
    }
}

extension Int64 {
    /// This raw step in the display unit of `Quantity`.
    @inline(__always)
    func doubleValue<Quantity: FixedPoint>(of _: Quantity.Type) -> Double { Quantity(rawValue: self).doubleValue }
}

extension RateGrid {
    /// The step in Hz (frequency grid) or the period step in µs (period grid), for reports.
    var stepSize: Double {
        switch self {
        case .frequency(let grid): grid.segments[0].step.doubleValue
        case .period(_, _, let step): step.doubleValue
        }
    }
}
