/// Why and by how much a pulse train does not fit its period.
struct TimingViolation {
    var reason: FindingReason
    /// What has to fit, µs.
    var duration: Double
    /// The period it has to fit in, µs.
    var period: Double
}

extension DeviceLimits {
    /// `timing.period`: the pulse and its recovery fit the period; for a burst, each pulse fits the
    /// intra-burst period and the burst with its recovery fits the burst period.
    @inline(__always)
    func checkTiming<Sink: FindingSink>(_ program: StimProgram, into sink: inout Sink) {
        if let violation = self.timingViolation(of: program) {
            sink.report(
                .timingPeriod, .error, reason: violation.reason, value: violation.duration, limit: violation.period)
        }
    }
}

extension DeviceLimits {
    /// The timing violation of `program`, or nil when it fits (or lacks the numbers to tell).
    @inline(__always)
    func timingViolation(of program: StimProgram) -> TimingViolation? {
        guard program.rate.isPositive else { return nil }
        let width = Int128(program.pulseWidth.rawValue)
        let gap = Int128((program.interphaseGap ?? interphaseGap).rawValue)
        let recovery = program.recovery == .active ? width : passiveRecovery(for: program.pulseWidth)
        guard program.waveform == .burst else {
            let duration = width + gap + recovery
            guard program.rate.fits(duration) else {
                return TimingViolation(
                    reason: .pulseLongerThanPeriod, duration: Double(converting: duration) / 1000,
                    period: 1e6 / program.rate.hertz)
            }
            return nil
        }
        guard let pulses = program.pulsesPerBurst, pulses > 0, let intra = program.intraBurstRate, intra.rawValue > 0
        else { return nil }
        let intraRate = Rate.frequency(intra)
        let pulse = width + gap + (program.recovery == .active ? width : 0)
        guard intraRate.fits(pulse) else {
            return TimingViolation(
                reason: .pulseLongerThanIntraBurstPeriod, duration: Double(converting: pulse) / 1000,
                period: 1e6 / intra.doubleValue)
        }
        // pulses × intraPeriod + recovery ≤ burstPeriod, with intraPeriod = scale / intra (ns).
        let (numerator, denominator) = program.rate.periodFraction
        let intraRaw = Int128(intra.rawValue)
        let (pulsesTimesScale, pulsesOverflow) = Int128(pulses).multipliedReportingOverflow(by: Rate.periodScale)
        let (recoveryTimesIntra, recoveryOverflow) = recovery.multipliedReportingOverflow(by: intraRaw)
        let (burstTimesIntra, sumOverflow) = pulsesTimesScale.addingReportingOverflow(recoveryTimesIntra)
        let (burst, burstOverflow) = burstTimesIntra.multipliedReportingOverflow(by: denominator)
        let burstDouble: Double
        if pulsesOverflow || recoveryOverflow || sumOverflow || burstOverflow {
            // Only numbers no device holds get here, far from the bound: doubles compare them.
            burstDouble = Double(pulses) * 1e12 + Double(converting: recovery) * Double(intraRaw)
            guard burstDouble * Double(converting: denominator) > Double(converting: numerator) * Double(intraRaw)
            else { return nil }
        } else {
            guard burst > numerator * intraRaw else { return nil }
            burstDouble = Double(converting: burstTimesIntra)
        }
        return TimingViolation(
            reason: .burstLongerThanPeriod, duration: burstDouble / Double(intraRaw) / 1000,
            period: 1e6 / program.rate.hertz)
    }
}
