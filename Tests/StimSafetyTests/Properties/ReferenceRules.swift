import Foundation

@testable import StimSafety

/// The rules of `safety-rules.md` §2 written again, plainly and separately from the core, for the
/// property tests to compare with: integer arithmetic where the spec is exact, doubles for Shannon and
/// the battery model, where values within a relative 10⁻⁹ of a bound are reported as uncertain.
struct ReferenceRules {
    /// The highest severity of each rule that fires.
    var severities: [RuleID: Severity] = [:]
    /// Rules whose outcome the reference cannot tell exactly: a double within rounding of a bound, or
    /// the step of a value outside its range, which the spec leaves open.
    var uncertain: Set<RuleID> = []

    private let limits: DeviceLimits
    private let impedances: MeasuredImpedances

    init(_ limits: DeviceLimits, _ program: StimProgram, _ context: ValidationContext) {
        self.limits = limits
        impedances = context.impedances
        checkGrid(program.amplitude.rawValue, limits.amplitude, range: .amplitudeRange, step: .amplitudeStep)
        checkGrid(program.pulseWidth.rawValue, limits.pulseWidth, range: .pulseWidthRange, step: .pulseWidthStep)
        checkWaveform(program)
        checkContactMap(program)
        checkLoads(program, amplitude: program.amplitude.rawValue, patient: false)
        if let range = program.patientRange {
            let device = limits.amplitude
            if range.min < device.min || range.max > device.max || program.amplitude < range.min
                || program.amplitude > range.max
            {
                fire(.patientRange, .error)
            }
            checkLoads(program, amplitude: range.max.rawValue, patient: true)
        }
        checkTiming(program)
        checkBattery(program)
        if let running = context.runningAmplitude, let slew = limits.amplitudeSlewMax,
            program.amplitude.rawValue - running.rawValue > slew.rawValue
        {
            fire(.amplitudeSlew, .warning)
        }
    }

    private mutating func fire(_ rule: RuleID, _ severity: Severity) {
        severities[rule] = max(severities[rule] ?? severity, severity)
    }

    /// Fires `rule` when `value` exceeds `bound`, and marks it uncertain when it is within rounding.
    private mutating func compare(_ value: Double, _ bound: Double, _ rule: RuleID, _ severity: Severity) {
        if abs(value - bound) <= 1e-9 * abs(bound) {
            uncertain.insert(rule)
        } else if value > bound {
            fire(rule, severity)
        }
    }

    /// Every settable raw value of a grid, listed segment by segment.
    private func settable<Quantity>(_ grid: Grid<Quantity>) -> Set<Int64> {
        var values: Set<Int64> = [grid.min.rawValue]
        var start = grid.min.rawValue
        for segment in grid.segments {
            for value in stride(from: start, through: segment.upTo.rawValue, by: Int(segment.step.rawValue)) {
                values.insert(value)
            }
            start = segment.upTo.rawValue
        }
        return values
    }

    private mutating func checkGrid<Quantity>(_ raw: Int64, _ grid: Grid<Quantity>, range: RuleID, step: RuleID) {
        if raw < grid.min.rawValue || raw > grid.max.rawValue {
            fire(range, .error)
            uncertain.insert(step)
        } else if !settable(grid).contains(raw) {
            fire(step, .error)
        }
    }

    private mutating func checkWaveform(_ program: StimProgram) {
        guard case .frequency(let rate) = program.rate else { preconditionFailure("samples use frequencies") }
        guard let rates = limits.waveforms.rates(for: program.waveform) else {
            fire(.waveformSupported, .error)
            return
        }
        guard case .frequency(let grid) = rates else { preconditionFailure("sampled devices use frequency grids") }
        checkGrid(rate.rawValue, grid, range: .frequencyRange, step: .frequencyStep)
        guard program.waveform == .burst, let burst = limits.waveforms.burst else { return }
        guard let pulses = program.pulsesPerBurst, let intra = program.intraBurstRate,
            burst.pulsesPerBurst.contains(pulses), intra >= burst.intraBurstRate.min, intra <= burst.intraBurstRate.max,
            settable(burst.intraBurstRate).contains(intra.rawValue)
        else { return fire(.burstRange, .error) }
    }

    private func isKnown(_ contact: ContactID) -> Bool {
        switch contact {
        case .lead(let number): limits.leads.contains { $0.contacts.contains(number) }
        case .can: limits.caseElectrode
        case .unrecognized: false
        }
    }

    private mutating func checkContactMap(_ program: StimProgram) {
        let active = program.contacts.filter { $0.percent.rawValue != 0 }
        if program.contacts.contains(where: { !isKnown($0.contact) }) { fire(.contactsUnknown, .error) }
        let cathodes = active.filter { $0.percent.rawValue < 0 }.map(\.percent.rawValue)
        let anodes = active.filter { $0.percent.rawValue > 0 }.map(\.percent.rawValue)
        if cathodes.isEmpty || anodes.isEmpty || cathodes.reduce(0, +) != -100_000 || anodes.reduce(0, +) != 100_000
            || active.contains(where: { $0.percent.rawValue % limits.fractionStep.rawValue != 0 })
            || Set(program.contacts.map(\.contact)).count != program.contacts.count
        {
            fire(.contactsPolarity, .error)
        }
        if active.count > limits.maxActiveContacts { fire(.contactsCount, .error) }
        for share in active {
            guard case .lead(let number) = share.contact, isKnown(share.contact),
                let ohms = impedances.ohms(ofContact: number)
            else { continue }
            if ohms < limits.impedance.short || ohms > limits.impedance.open { fire(.impedance, .error) }
        }
    }

    /// current.contact, chargeDensity, shannon and compliance at `amplitude` nanoamps.
    private mutating func checkLoads(_ program: StimProgram, amplitude: Int64, patient: Bool) {
        let ids: (current: RuleID, density: RuleID, shannon: RuleID, compliance: RuleID) =
            patient
            ? (.patientRangeCurrentContact, .patientRangeChargeDensity, .patientRangeShannon, .patientRangeCompliance)
            : (.currentContact, .chargeDensity, .shannon, .compliance)
        let width = Int128(program.pulseWidth.rawValue)
        for share in program.contacts where share.percent.rawValue != 0 && isKnown(share.contact) {
            // nA × thousandths of a percent: 100 000 of them are one nanoamp on the contact.
            let load = Int128(amplitude) * Int128(share.percent.rawValue.magnitude)
            let ohms: Milliohms
            if case .lead(let number) = share.contact {
                let area = limits.leads.first { $0.contacts.contains(number) }!.area.rawValue
                ohms = impedances.ohms(ofContact: number) ?? limits.impedance.nominal
                if load > Int128(limits.currentPerContactMax.rawValue) * 100_000 { fire(ids.current, .error) }
                // D (nC/cm²) = load·PW·10⁻⁶ / area(µm²): compare load·PW with limit·area·10⁶.
                let densityTimesArea = load * width
                if let reject = limits.chargeDensity.reject,
                    densityTimesArea > Int128(reject.rawValue) * Int128(area) * 1_000_000
                {
                    fire(ids.density, .error)
                } else if densityTimesArea > Int128(limits.chargeDensity.warn.rawValue) * Int128(area) * 1_000_000 {
                    fire(ids.density, .warning)
                }
                let charge = Double(load) / 1e5 * Double(width) * 1e-12  // nA·ns → µC
                if charge > 0 {
                    let product = charge * charge / (Double(area) / 1e8)
                    if let reject = limits.shannon.reject { compare(product, pow(10, reject), ids.shannon, .error) }
                    if severities[ids.shannon] != .error {
                        compare(product, pow(10, limits.shannon.warn), ids.shannon, .warning)
                    }
                }
            } else {
                ohms = impedances.can ?? limits.impedance.nominal
            }
            // I·Z in nA·mΩ·10⁻⁵ = 10⁻¹⁴ mV; compare with (V − headroom) and with 0.9·V.
            let required = load * Int128(ohms.rawValue) + Int128(limits.headroom.rawValue) * 100_000_000_000_000
            let compliance = Int128(limits.complianceVoltage.rawValue) * 100_000_000_000_000
            if required > compliance {
                fire(ids.compliance, .error)
            } else if required * 10 >= compliance * 9 {
                fire(ids.compliance, .warning)
            }
        }
    }

    private mutating func checkTiming(_ program: StimProgram) {
        guard case .frequency(let rate) = program.rate, rate.rawValue > 0 else { return }
        let width = Int128(program.pulseWidth.rawValue)
        let gap = Int128((program.interphaseGap ?? limits.interphaseGap).rawValue)
        let passive = Int128(
            (limits.passiveRecoveryMin ?? Nanoseconds(rawValue: 3 * program.pulseWidth.rawValue)).rawValue)
        let recovery = program.recovery == .active ? width : passive
        let second: Int128 = 1_000_000_000_000  // ns × mHz
        let frequency = Int128(rate.rawValue)
        if program.waveform != .burst {
            if (width + gap + recovery) * frequency > second { fire(.timingPeriod, .error) }
            return
        }
        guard let pulses = program.pulsesPerBurst, pulses > 0, let intra = program.intraBurstRate, intra.rawValue > 0
        else { return }
        let intraRate = Int128(intra.rawValue)
        let pulse = width + gap + (program.recovery == .active ? width : 0)
        // pulses / intra + recovery ≤ 1 / frequency, times second·intra·frequency.
        if pulse * intraRate > second
            || Int128(pulses) * second * frequency + recovery * intraRate * frequency > second * intraRate
        {
            fire(.timingPeriod, .error)
        }
    }

    private mutating func checkBattery(_ program: StimProgram) {
        var pulseRate = program.rate.hertz
        if program.waveform == .burst {
            guard let pulses = program.pulsesPerBurst else { return }
            pulseRate *= Double(pulses)
        }
        if let cycling = program.cycling, cycling.on.rawValue + cycling.off.rawValue > 0 {
            pulseRate *= Double(cycling.on.rawValue) / Double(cycling.on.rawValue + cycling.off.rawValue)
        }
        let model = limits.battery
        let charge = program.amplitude.doubleValue * program.pulseWidth.doubleValue / 1000
        let stimulation = (program.recovery == .active ? 2 : 1) * charge * pulseRate
        var required = limits.headroom.doubleValue
        for share in program.contacts where share.percent.rawValue != 0 && isKnown(share.contact) {
            let ohms: Milliohms? =
                switch share.contact {
                case .lead(let number): impedances.ohms(ofContact: number)
                case .can: impedances.can
                case .unrecognized: nil
                }
            let volts =
                program.amplitude.doubleValue * share.percent.doubleValue.magnitude / 100
                * (ohms ?? limits.impedance.nominal).doubleValue / 1000 + limits.headroom.doubleValue
            required = max(required, volts)
        }
        let supply = max(model.minimumStimVoltage, required)
        let battery =
            (supply * stimulation / model.efficiency + model.quiescentCurrent * model.cellVoltage) / model.cellVoltage
        // The spec's formulas literally, so that a nonsensical negative current (a negative pulse width)
        // gives the same negative interval the validator sees.
        switch model.kind {
        case .rechargeable:
            let days = model.capacity * 1000 * model.usableFraction / battery / 24
            compare(1, days, .battery, .warning)
        case .primary:
            if let minimum = model.minimumLongevityYears {
                compare(minimum, model.capacity * 1000 / battery / 8766, .battery, .warning)
            }
        }
    }
}
