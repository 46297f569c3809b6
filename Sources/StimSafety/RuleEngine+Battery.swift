extension DeviceLimits {
    /// The battery metrics of `safety-rules.md` §3 and the `battery` warning, decided on the model's edge
    /// as the send gate decides it (by the estimate only for a model without an edge).
    @inline(__always)
    func checkBattery<Sink: FindingSink>(_ program: StimProgram, into sink: inout Sink, metrics: inout Metrics) {
        guard let pulseRate = program.pulseRate else { return }
        let estimate = BatteryEstimate(
            model: self.battery, amplitude: program.amplitude, pulseWidth: program.pulseWidth,
            pulseRate: pulseRate, recovery: program.recovery, requiredVoltage: metrics.maxRequiredVoltage)
        metrics.pulseRate = pulseRate
        metrics.stimulationCurrent = estimate.stimulationCurrent
        metrics.batteryCurrent = estimate.batteryCurrent
        let warns = batteryEdgeWarns(program, requiredVoltage: metrics.maxRequiredVoltage) ?? estimate.warns
        switch self.battery.kind {
        case .rechargeable:
            let days = estimate.rechargeIntervalDays
            metrics.rechargeIntervalDays = days
            if warns {
                sink.report(.battery, .warning, reason: .shortRechargeInterval, value: days, limit: 1)
            }
        case .primary:
            let years = estimate.longevityYears
            metrics.longevityYears = years
            if warns {
                sink.report(
                    .battery, .warning, reason: .shortLongevity, value: years,
                    limit: self.battery.minimumLongevityYears)
            }
        }
    }

    /// Whether the `battery` rule warns, by comparing the supply load with the model's edge: from the
    /// division-free estimate where it decides (a tonic or high-frequency rate), else from the rule's own
    /// load; nil where the device has no edge, a burst lacks its pulse count, or the load is not finite
    /// and non-negative.
    @inline(__always)
    func batteryEdgeWarns(_ program: StimProgram, requiredVoltage: Double) -> Bool? {
        guard let edge = derived.battery else { return nil }
        let supply = battery.supplyVoltage(requiredVoltage: requiredVoltage)
        if program.waveform != .burst, case .frequency(let rate) = program.rate,
            let warns = edge.warnsClearly(
                amplitude: program.amplitude.rawValue, pulseWidth: program.pulseWidth.rawValue, rate: rate.rawValue,
                phases: program.recovery == .active ? 2 : 1, duty: program.cycling?.duty ?? 1, supply: supply)
        {
            return warns
        }
        guard let pulseRate = program.pulseRate else { return nil }
        let stimulationCurrent = BatteryEstimate.stimulationCurrent(
            amplitude: program.amplitude, pulseWidth: program.pulseWidth, pulseRate: pulseRate,
            recovery: program.recovery)
        let load = supply * stimulationCurrent
        guard load >= 0, load <= .greatestFiniteMagnitude else { return nil }
        return load > edge.limit
    }
}

extension StimProgram {
    /// Pulses per second after burst and cycling (`safety-rules.md` §3, the rate ``Metrics/pulseRate``
    /// reports); nil when a burst lacks its pulse count.
    @inlinable
    public var pulseRate: Double? {
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
        stimulationCurrent = Self.stimulationCurrent(
            amplitude: amplitude, pulseWidth: pulseWidth, pulseRate: pulseRate, recovery: recovery)
        batteryCurrent = model.batteryCurrent(
            supplyLoad: model.supplyLoad(stimulationCurrent: stimulationCurrent, requiredVoltage: requiredVoltage))
        self.model = model
    }

    /// `n × (amplitude × pulseWidth / 1000) × pulseRate` in µA.
    @inline(__always)
    static func stimulationCurrent(
        amplitude: Nanoamps, pulseWidth: Nanoseconds, pulseRate: Double, recovery: Recovery
    ) -> Double {
        let phases: Double = recovery == .active ? 2 : 1
        let chargeMicrocoulombs = amplitude.doubleValue * pulseWidth.doubleValue / 1000
        return phases * chargeMicrocoulombs * pulseRate
    }

    var rechargeIntervalDays: Double { model.rechargeIntervalDays(batteryCurrent: batteryCurrent) }

    var longevityYears: Double { model.longevityYears(batteryCurrent: batteryCurrent) }

    /// Whether the `battery` rule warns.
    @inline(__always)
    var warns: Bool { model.warns(batteryCurrent: batteryCurrent) }
}

extension BatteryModel {
    /// `V_H = max(V_H,min, requiredVoltage)`.
    @inline(__always)
    func supplyVoltage(requiredVoltage: Double) -> Double { max(minimumStimVoltage, requiredVoltage) }

    /// `V_H × stimulationCurrent`.
    @inline(__always)
    func supplyLoad(stimulationCurrent: Double, requiredVoltage: Double) -> Double {
        supplyVoltage(requiredVoltage: requiredVoltage) * stimulationCurrent
    }

    /// `(supplyLoad / η + I_q × V_batt) / V_batt` in µA.
    @inline(__always)
    func batteryCurrent(supplyLoad: Double) -> Double {
        (supplyLoad / efficiency + quiescentCurrent * cellVoltage) / cellVoltage
    }

    /// The current drawn from the cell, in µA, for a mean `stimulationCurrent` in µA at the lowest
    /// supply voltage: what a recording's delivered charge costs.
    public func batteryCurrent(stimulationCurrent: Double) -> Double {
        batteryCurrent(supplyLoad: supplyLoad(stimulationCurrent: stimulationCurrent, requiredVoltage: 0))
    }

    /// `capacity × 1000 × usableFraction / batteryCurrent / 24`.
    func rechargeIntervalDays(batteryCurrent: Double) -> Double {
        capacity * 1000 * usableFraction / batteryCurrent / 24
    }

    /// `capacity × 1000 / batteryCurrent / 8766`.
    func longevityYears(batteryCurrent: Double) -> Double { capacity * 1000 / batteryCurrent / 8766 }

    /// Whether the `battery` rule warns: a recharge interval under one day, or a longevity under the
    /// device's minimum.
    @inline(__always)
    func warns(batteryCurrent: Double) -> Bool {
        switch kind {
        case .rechargeable: rechargeIntervalDays(batteryCurrent: batteryCurrent) < 1
        case .primary: minimumLongevityYears.map { longevityYears(batteryCurrent: batteryCurrent) < $0 } ?? false
        }
    }
}
