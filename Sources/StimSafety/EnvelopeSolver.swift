/// The closed forms behind the safe envelope, for one configuration.
///
/// Per pulse width, the amplitude bounds of `current.contact`, `chargeDensity` and `compliance` are
/// exact integer divisions, and Shannon's is `Q ≤ √(10^k · A)`; per rate, the battery bound solves the
/// model's quadratic in amplitude. Each floating-point bound is then confirmed with the validator's own
/// predicate one grid step either side, so a cell never disagrees with `validate`.
struct EnvelopeSolver {
    let limits: DeviceLimits
    /// Active lead contacts: `|percent|` and area.
    private var leadContacts: [(percent: Int128, area: SquareMicrometers)] = []
    /// Active contacts the compliance rule sees (case included): `|percent| × Z`.
    private var voltageCoefficients: [Int128] = []
    /// The largest of `voltageCoefficients`, which sets the battery model's required voltage.
    private var maxVoltageCoefficient: Int128 = 0
    private let recovery: Recovery

    init(limits: DeviceLimits, configuration: EnvelopeConfiguration) {
        self.limits = limits
        recovery = configuration.recovery
        for share in configuration.contacts where share.percent.rawValue != 0 {
            let percent = Int128(share.percent.rawValue.magnitude)
            switch share.contact {
            case .lead(let number):
                guard let area = limits.area(ofContact: number) else { continue }
                leadContacts.append((percent, area))
                let ohms = configuration.impedances.ohms(ofContact: number) ?? limits.impedance.nominal
                voltageCoefficients.append(percent * Int128(ohms.rawValue))
            case .can where limits.caseElectrode:
                let ohms = configuration.impedances.can ?? limits.impedance.nominal
                voltageCoefficients.append(percent * Int128(ohms.rawValue))
            case .can, .unrecognized:
                continue
            }
        }
        maxVoltageCoefficient = voltageCoefficients.max() ?? 0
    }

    /// The two amplitude bounds that do not depend on the rate.
    struct RowBounds {
        var errorFree: Nanoamps?
        var warningFree: Nanoamps?
    }

    /// Bounds at one pulse width: every error rule, and every error and warning rule except `battery`.
    func rowBounds(pulseWidth: Nanoseconds) -> RowBounds {
        var errorBound = Int128(limits.amplitude.max.rawValue)
        var warningBound = errorBound
        let width = Int128(pulseWidth.rawValue)
        for contact in leadContacts {
            errorBound = min(
                errorBound, Int128(limits.currentPerContactMax.rawValue) * ContactLoad.wholePercent / contact.percent)
            guard width > 0 else { continue }
            let densityScale = ContactLoad.densityScale(contact.area)
            // Saturating, as the rules' own thresholds are: a profile's density limit and area have no
            // upper bound.
            if let reject = limits.chargeDensity.reject {
                errorBound = min(
                    errorBound,
                    saturatingProduct(Int128(reject.rawValue), densityScale) / (contact.percent * width))
            }
            warningBound = min(
                warningBound,
                saturatingProduct(Int128(limits.chargeDensity.warn.rawValue), densityScale) / (contact.percent * width))
        }
        let scale = ContactLoad.voltageScale
        let volts = Int128(limits.complianceVoltage.rawValue)
        let headroom = Int128(limits.headroom.rawValue)
        // Error: a·c + h·s ≤ V·s. Warning-free: 10(a·c + h·s) < 9·V·s, i.e. a·c ≤ (9V − 10h)·s/10 − 1.
        let errorHeadroom = (volts - headroom) * scale
        let warningHeadroom = (9 * volts - 10 * headroom) * (scale / 10) - 1
        for coefficient in voltageCoefficients where coefficient > 0 {
            errorBound = min(errorBound, errorHeadroom < 0 ? -1 : errorHeadroom / coefficient)
            warningBound = min(warningBound, warningHeadroom < 0 ? -1 : warningHeadroom / coefficient)
        }
        var errorFree = onGrid(errorBound)
        if let reject = limits.shannon.rejectBound {
            errorFree = capShannon(errorFree, bound: reject, pulseWidth: pulseWidth)
        }
        var warningFree = onGrid(min(warningBound, errorFree.map { Int128($0.rawValue) } ?? -1))
        warningFree = capShannon(warningFree, bound: limits.shannon.warnBound, pulseWidth: pulseWidth)
        return RowBounds(errorFree: errorFree, warningFree: warningFree)
    }

    /// The largest grid amplitude not above `bound` nanoamps.
    private func onGrid(_ bound: Int128) -> Nanoamps? {
        guard bound >= 0 else { return nil }
        return limits.amplitude.snapDown(Nanoamps(rawValue: Int64(min(bound, Int128(Int64.max)))))
    }

    /// Lowers `candidate` to the largest grid amplitude whose Shannon product stays within `bound`.
    private func capShannon(_ candidate: Nanoamps?, bound: Double, pulseWidth: Nanoseconds) -> Nanoamps? {
        guard let candidate else { return nil }
        let passes = { (amplitude: Nanoamps) in
            leadContacts.allSatisfy { contact in
                let load = ContactLoad(
                    amplitude: amplitude, percent: Percent(rawValue: Int64(contact.percent)), pulseWidth: pulseWidth)
                return !exceedsShannon(load.shannonProduct(area: contact.area), bound: bound)
            }
        }
        if passes(candidate) { return candidate }
        // Q = a·|p|·PW·10⁻¹⁷ µC ≤ √(bound · A·10⁻⁸) for every contact.
        var estimate = Double(candidate.rawValue)
        for contact in leadContacts where pulseWidth.rawValue > 0 {
            let charge = (bound * Double(contact.area.rawValue) * 1e-8).squareRoot()
            estimate = min(
                estimate, charge / (Double(converting: contact.percent) * Double(pulseWidth.rawValue) * 1e-17))
        }
        return largestPassing(below: candidate, estimate: estimate, passes: passes)
    }

    /// Lowers `candidate` to the largest grid amplitude at which the `battery` rule does not warn, at
    /// `pulseWidth` and `pulseRate` (pulses per second, bursts and cycling included; nil when the
    /// program gives none, and the rule then cannot warn).
    func batteryCap(_ candidate: Nanoamps, pulseWidth: Nanoseconds, pulseRate: Double?) -> Nanoamps? {
        guard let pulseRate else { return candidate }
        let coefficient = maxVoltageCoefficient
        let model = limits.battery
        let recovery = self.recovery
        let headroomVolts = limits.derived.headroomVolts
        // A local function rather than a closure in a constant: such a closure escapes, so its context
        // (a copy of the solver and its device limits) was allocated and released for every cell. It
        // captures no part of the solver either, which would copy the solver for every cell.
        func warns(_ amplitude: Nanoamps) -> Bool {
            let required = DeviceLimits.requiredVoltage(
                amplitude: amplitude, largestShareTimesOhms: Int64(clamping: coefficient), headroomVolts: headroomVolts)
            return BatteryEstimate(
                model: model, amplitude: amplitude, pulseWidth: pulseWidth, pulseRate: pulseRate,
                recovery: recovery, requiredVoltage: required
            ).warns
        }
        if !warns(candidate) { return candidate }
        let allowed: Double
        switch model.kind {
        case .rechargeable: allowed = model.capacity * 1000 * model.usableFraction / 24
        case .primary: allowed = model.capacity * 1000 / (8766 * (model.minimumLongevityYears ?? 0))
        }
        // V_H(a)·s·a ≤ E, with V_H(a) = max(V_H,min, c·a + h), a in mA.
        let slope = (recovery == .active ? 2.0 : 1.0) * pulseWidth.doubleValue / 1000 * pulseRate / model.efficiency
        let energy = (allowed - model.quiescentCurrent) * model.cellVoltage
        let perMilliamp = Double(converting: coefficient) * 1e-11
        let headroom = limits.headroom.doubleValue
        var milliamps = slope > 0 && energy > 0 ? energy / (model.minimumStimVoltage * slope) : 0
        if perMilliamp > 0, milliamps * perMilliamp + headroom > model.minimumStimVoltage, energy > 0 {
            let b = headroom * slope
            milliamps = (-b + (b * b + 4 * perMilliamp * slope * energy).squareRoot()) / (2 * perMilliamp * slope)
        }
        return largestPassing(below: candidate, estimate: milliamps * 1e6, passes: { !warns($0) })
    }

    /// The largest grid amplitude ≤ `ceiling` that `passes`, searched one grid step either side of the
    /// closed-form `estimate` (nanoamps). `passes` must hold for all amplitudes below one that passes.
    private func largestPassing(below ceiling: Nanoamps, estimate: Double, passes: (Nanoamps) -> Bool) -> Nanoamps? {
        let grid = limits.amplitude
        // Truncation, not floor: the search below corrects any step the estimate is off by.
        let clamped = max(min(estimate, Double(ceiling.rawValue)), -1)
        var current = clamped < 0 ? nil : grid.snapDown(Nanoamps(rawValue: Int64(clamped)))
        while let value = current, !passes(value) { current = grid.stepDown(from: value) }
        if current == nil {
            guard grid.min <= ceiling, passes(grid.min) else { return nil }
            current = grid.min
        }
        while let value = current, let up = grid.stepUp(from: value), up <= ceiling, passes(up) { current = up }
        return current
    }
}
