extension DeviceLimits {
    /// The battery metrics of `safety-rules.md` §3 and the `battery` warning.
    @inline(__always)
    func checkBattery<Sink: FindingSink>(_ program: StimProgram, into sink: inout Sink, metrics: inout Metrics) {
        guard let pulseRate = program.pulseRate else { return }
        let estimate = BatteryEstimate(
            model: self.battery, amplitude: program.amplitude, pulseWidth: program.pulseWidth,
            pulseRate: pulseRate, recovery: program.recovery, requiredVoltage: metrics.maxRequiredVoltage)
        metrics.pulseRate = pulseRate
        metrics.stimulationCurrent = estimate.stimulationCurrent
        metrics.batteryCurrent = estimate.batteryCurrent
        switch self.battery.kind {
        case .rechargeable:
            let days = estimate.rechargeIntervalDays
            metrics.rechargeIntervalDays = days
            if estimate.warns {
                sink.report(.battery, .warning, reason: .shortRechargeInterval, value: days, limit: 1)
            }
        case .primary:
            let years = estimate.longevityYears
            metrics.longevityYears = years
            if estimate.warns {
                sink.report(
                    .battery, .warning, reason: .shortLongevity, value: years,
                    limit: self.battery.minimumLongevityYears)
            }
        }
    }
}

extension StimProgram {
    /// Pulses per second after burst and cycling; nil when a burst lacks its pulse count.
    @inline(__always)
    var pulseRate: Double? {
        var pulses = rate.hertz
        if waveform == .burst {
            guard let count = pulsesPerBurst else { return nil }
            pulses *= Double(count)
        }
        if let cycling { pulses *= cycling.duty }
        return pulses
    }
}

/// The battery model of `safety-rules.md` §3 for one program.
struct BatteryEstimate {
    /// Average current drawn for stimulation, µA.
    let stimulationCurrent: Double
    /// Average current drawn from the cell, µA.
    let batteryCurrent: Double
    let model: BatteryModel

    @inline(__always)
    init(
        model: BatteryModel, amplitude: Nanoamps, pulseWidth: Nanoseconds, pulseRate: Double, recovery: Recovery,
        requiredVoltage: Double
    ) {
        let phases: Double = recovery == .active ? 2 : 1
        let chargeMicrocoulombs = amplitude.doubleValue * pulseWidth.doubleValue / 1000
        stimulationCurrent = phases * chargeMicrocoulombs * pulseRate
        let supply = max(model.minimumStimVoltage, requiredVoltage)
        batteryCurrent =
            (supply * stimulationCurrent / model.efficiency + model.quiescentCurrent * model.cellVoltage)
            / model.cellVoltage
        self.model = model
    }

    /// `capacity × 1000 × usableFraction / batteryCurrent / 24`.
    var rechargeIntervalDays: Double { model.capacity * 1000 * model.usableFraction / batteryCurrent / 24 }

    /// `capacity × 1000 / batteryCurrent / 8766`.
    var longevityYears: Double { model.capacity * 1000 / batteryCurrent / 8766 }

    /// Whether the `battery` rule warns: a recharge interval under one day, or a longevity under the
    /// device's minimum.
    @inline(__always)
    var warns: Bool {
        switch model.kind {
        case .rechargeable: rechargeIntervalDays < 1
        case .primary: model.minimumLongevityYears.map { longevityYears < $0 } ?? false
        }
    }
}
