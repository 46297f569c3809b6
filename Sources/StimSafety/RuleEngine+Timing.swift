extension RuleEngine {
    /// `timing.period`: the pulse and its recovery fit the period; for a burst, each pulse fits the
    /// intra-burst period and the burst with its recovery fits the burst period.
    @inline(__always)
    func checkTiming<Sink: FindingSink>(_ program: StimProgram, into sink: inout Sink) {
        guard program.rate.isPositive else { return }
        let width = Int128(program.pulseWidth.rawValue)
        let gap = Int128((program.interphaseGap ?? limits.interphaseGap).rawValue)
        let recovery = Int128(recoveryTime(of: program).rawValue)
        guard program.waveform == .burst else {
            let duration = width + gap + recovery
            if !program.rate.fits(duration) {
                reportTiming(duration, period: program.rate, reason: .pulseLongerThanPeriod, into: &sink)
            }
            return
        }
        guard let pulses = program.pulsesPerBurst, pulses > 0, let intra = program.intraBurstRate, intra.rawValue > 0
        else { return }
        let intraRate = Rate.frequency(intra)
        let pulse = width + gap + (program.recovery == .active ? width : 0)
        if !intraRate.fits(pulse) {
            reportTiming(pulse, period: intraRate, reason: .pulseLongerThanIntraBurstPeriod, into: &sink)
            return
        }
        // pulses × intraPeriod + recovery ≤ burstPeriod, with intraPeriod = scale / intra.
        let (numerator, denominator) = program.rate.periodFraction
        let burstTimesIntra = Int128(pulses) * Rate.periodScale + recovery * Int128(intra.rawValue)
        if burstTimesIntra * denominator > numerator * Int128(intra.rawValue) {
            let duration = Double(burstTimesIntra) / Double(intra.rawValue)
            sink.report(
                .timingPeriod, .error, reason: .burstLongerThanPeriod, value: duration / 1000,
                limit: 1e6 / program.rate.hertz)
        }
    }

    /// Recovery after a pulse (or after a burst, for passive recovery of a burst).
    @inline(__always)
    func recoveryTime(of program: StimProgram) -> Nanoseconds {
        program.recovery == .active ? program.pulseWidth : limits.passiveRecovery(for: program.pulseWidth)
    }

    private func reportTiming<Sink: FindingSink>(
        _ duration: Int128, period: Rate, reason: FindingReason, into sink: inout Sink
    ) {
        sink.report(
            .timingPeriod, .error, reason: reason, value: Double(duration) / 1000, limit: 1e6 / period.hertz)
    }
}
