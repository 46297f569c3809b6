/// The largest safe amplitude for each pulse width and rate of a device grid, for one configuration.
///
/// Two bounds per cell: the largest amplitude on the amplitude grid that passes every error rule,
/// and the largest that passes every error and every warning rule. A cell is empty where no amplitude
/// passes (the pulse does not fit the period, the pulse width or rate is not a device setting, or even the
/// minimum amplitude is too much).
public struct SafeEnvelope: Sendable {
    /// Row labels.
    public let pulseWidths: [Nanoseconds]
    /// Column labels.
    public let rates: [Rate]
    /// Row-major nanoamps; −1 for an empty cell.
    let errorFree: [Int64]
    let warningFree: [Int64]

    /// The largest amplitude passing every error rule at `pulseWidths[row]`, `rates[column]`.
    public func maxAmplitude(row: Int, column: Int) -> Nanoamps? { cell(errorFree, row, column) }

    /// The largest amplitude passing every error and warning rule at `pulseWidths[row]`, `rates[column]`.
    public func maxAmplitudeWithoutWarnings(row: Int, column: Int) -> Nanoamps? { cell(warningFree, row, column) }

    private func cell(_ storage: [Int64], _ row: Int, _ column: Int) -> Nanoamps? {
        let raw = storage[row * rates.count + column]
        return raw < 0 ? nil : Nanoamps(rawValue: raw)
    }
}

extension DeviceLimits {
    /// Computes the safe envelope of `configuration` over `pulseWidths` × `rates` (by default every value
    /// of the device's grids for the configuration's waveform).
    ///
    /// Each bound comes from the rules' closed forms (per-contact current, charge density and compliance
    /// exactly in integers; Shannon and battery from their square-root and quadratic forms, then checked
    /// with the validator's own predicates one grid step either side), not from trying amplitudes one by
    /// one. Throws when the configuration fails a rule at every amplitude.
    public func safeEnvelope(
        for configuration: EnvelopeConfiguration, pulseWidths: [Nanoseconds]? = nil, rates: [Rate]? = nil
    ) throws(EnvelopeRejection) -> SafeEnvelope {
        let rows = pulseWidths ?? pulseWidth.values
        let columns = rates ?? (waveforms.rates(for: configuration.waveform)?.values ?? [])
        try rejectConfigurationErrors(configuration, pulseWidth: rows.first, rate: columns.first)
        let solver = EnvelopeSolver(limits: self, configuration: configuration)
        var errorFree = [Int64](repeating: -1, count: rows.count * columns.count)
        var warningFree = [Int64](repeating: -1, count: rows.count * columns.count)
        let rateGrid = waveforms.rates(for: configuration.waveform)
        let settableColumns = columns.map { rateGrid?.allows($0) == true }
        var probe = configuration.program(amplitude: .zero, pulseWidth: .zero, rate: .frequency(.zero))
        let pulseRates = columns.map { rate in
            probe.rate = rate
            return probe.pulseRate
        }
        // Highest pulse rate first: the battery rule's load grows with the pulse rate, so once a row's
        // amplitude passes it at one pulse rate, it passes at every lower one without asking again.
        let columnsByFallingPulseRate = columns.indices.sorted { (pulseRates[$0] ?? 0) > (pulseRates[$1] ?? 0) }
        for (row, width) in rows.enumerated() {
            // A pulse width or rate the device cannot set fails `pulseWidth.*` or `frequency.*` at every
            // amplitude, so its cells stay empty, as `validate` would have them.
            guard pulseWidth.allows(width) else { continue }
            let bounds = solver.rowBounds(pulseWidth: width)
            probe.pulseWidth = width
            var batteryPassesUpTo = -Double.infinity
            for column in columnsByFallingPulseRate {
                probe.rate = columns[column]
                guard settableColumns[column], timingViolation(of: probe) == nil else { continue }
                let index = row * columns.count + column
                if let errorBound = bounds.errorFree { errorFree[index] = errorBound.rawValue }
                guard let warningBound = bounds.warningFree else { continue }
                let pulseRate = pulseRates[column]
                if let pulseRate, pulseRate <= batteryPassesUpTo {
                    warningFree[index] = warningBound.rawValue
                } else if let capped = solver.batteryCap(warningBound, pulseWidth: width, pulseRate: pulseRate) {
                    warningFree[index] = capped.rawValue
                    if capped == warningBound, let pulseRate { batteryPassesUpTo = max(batteryPassesUpTo, pulseRate) }
                }
            }
        }
        return SafeEnvelope(pulseWidths: rows, rates: columns, errorFree: errorFree, warningFree: warningFree)
    }

    /// Throws the findings of rules that no amplitude can satisfy.
    private func rejectConfigurationErrors(
        _ configuration: EnvelopeConfiguration, pulseWidth: Nanoseconds?, rate: Rate?
    ) throws(EnvelopeRejection) {
        let probe = configuration.program(
            amplitude: amplitude.min, pulseWidth: pulseWidth ?? self.pulseWidth.min, rate: rate ?? .frequency(.zero))
        let context = ValidationContext(impedances: configuration.impedances)
        let amplitudeFree: Set<RuleID> = [
            .waveformSupported, .burstRange, .contactsUnknown, .contactsPolarity, .contactsCount, .impedance,
        ]
        let fatal = validate(probe, context: context).findings.filter {
            $0.severity == .error && amplitudeFree.contains($0.rule)
        }
        if !fatal.isEmpty { throw EnvelopeRejection(findings: fatal) }
    }
}
