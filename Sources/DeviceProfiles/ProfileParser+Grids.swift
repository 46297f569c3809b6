import StimSafety
import Yams

extension ProfileParser {
    /// Reads `{min, max, step}` where `step` is a number or a piecewise list `[{upTo, step}]`.
    static func grid<Quantity: FixedPoint>(
        _ node: YAMLField, bound: YAMLField.Bound
    ) throws(InputError) -> Grid<Quantity> {
        try grid(fields: node.mapping(.grid), bound: bound)
    }

    /// Reads the grid fields of a mapping whose keys are already checked.
    static func grid<Quantity: FixedPoint>(
        fields: YAMLField, bound: YAMLField.Bound
    ) throws(InputError) -> Grid<Quantity> {
        let minNode = try fields.required("min")
        let maxNode = try fields.required("max")
        let stepNode = try fields.required("step")
        let min: Quantity = try minNode.quantity(Quantity.self, bound)
        let max: Quantity = try maxNode.quantity(Quantity.self, bound)
        if min > max {
            throw minNode.error("must not be greater than max (got \(min.decimalText) > \(max.decimalText))")
        }
        guard case .sequence = stepNode.node else {
            let step: Quantity = try stepNode.quantity(Quantity.self, .any)
            let grid = Grid(min: min, max: max, step: step)
            switch grid.shapeProblem {
            case nil: return grid
            case .stepNotPositive: throw stepNode.error("must be greater than 0 (got \(step.decimalText))")
            case .stepDoesNotDivide:
                throw stepNode.error(
                    "must divide the range \(min.decimalText)…\(max.decimalText) (got \(step.decimalText))")
            case .minAboveMax, .noSteps:
                throw stepNode.error("does not describe a range \(min.decimalText)…\(max.decimalText)")
            }
        }
        return try piecewiseGrid(min: min, max: max, maxNode: maxNode, stepNode: stepNode)
    }

    private static func piecewiseGrid<Quantity: FixedPoint>(
        min: Quantity, max: Quantity, maxNode: YAMLField, stepNode: YAMLField
    ) throws(InputError) -> Grid<Quantity> {
        let pieces = try stepNode.list()
        guard !pieces.isEmpty else { throw stepNode.error("must list at least one {upTo, step} piece") }
        var segments: [GridSegment<Quantity>] = []
        var start = min
        for piece in pieces {
            let fields = try piece.mapping(.stepPiece)
            let upToNode = try fields.required("upTo")
            let pieceStepNode = try fields.required("step")
            let upTo: Quantity = try upToNode.quantity(Quantity.self, .any)
            let step: Quantity = try pieceStepNode.quantity(Quantity.self, .any)
            if upTo <= start {
                throw upToNode.error(
                    "must be greater than where the piece starts (got \(upTo.decimalText) ≤ \(start.decimalText))")
            }
            if step.rawValue <= 0 { throw pieceStepNode.error("must be greater than 0 (got \(step.decimalText))") }
            if (upTo.rawValue - start.rawValue) % step.rawValue != 0 {
                throw pieceStepNode.error(
                    "must divide its piece \(start.decimalText)…\(upTo.decimalText) (got \(step.decimalText))")
            }
            segments.append(GridSegment(upTo: upTo, step: step))
            start = upTo
        }
        if start != max {
            throw maxNode.error(
                "must equal the last piece's upTo (got \(max.decimalText), last upTo \(start.decimalText))")
        }
        let grid = Grid(min: min, segments: segments)
        if grid.shapeProblem != nil { throw stepNode.error("does not describe a valid piecewise grid") }
        return grid
    }

    /// Reads `frequency`: one rate grid per supported waveform.
    static func waveformRates(_ node: YAMLField) throws(InputError) -> WaveformRates {
        let fields = try node.mapping(.waveforms)
        var rates = WaveformRates(tonic: nil, burst: nil, highFrequency: nil)
        if let tonic = fields.optional("tonic") {
            rates.tonic = try rateGrid(tonic.mapping(.rates))
        }
        if let highFrequency = fields.optional("highFrequency") {
            rates.highFrequency = try rateGrid(highFrequency.mapping(.rates))
        }
        if let burst = fields.optional("burst") { rates.burst = try burstRates(burst) }
        if rates.supported.isEmpty {
            throw node.error(
                "must list at least one waveform (\(ProfileFields.waveforms.keys.joined(separator: ", ")))")
        }
        return rates
    }

    /// Reads a rate in Hz, as a frequency grid (`step`) or as periods quantised in µs (`periodStep`).
    static func rateGrid(_ fields: YAMLField) throws(InputError) -> RateGrid {
        guard let periodNode = fields.optional("periodStep") else {
            return .frequency(try grid(fields: fields, bound: .positive))
        }
        if let stepNode = fields.present("step") {
            throw stepNode.error("cannot be given together with periodStep; a rate has one kind of grid")
        }
        let minNode = try fields.required("min")
        let maxNode = try fields.required("max")
        let min: Millihertz = try minNode.quantity(Millihertz.self, .positive)
        let max: Millihertz = try maxNode.quantity(Millihertz.self, .positive)
        let periodStep: Nanoseconds = try periodNode.quantity(Nanoseconds.self, .positive)
        if min > max {
            throw minNode.error("must not be greater than max (got \(min.decimalText) > \(max.decimalText))")
        }
        let rates = RateGrid.period(min: min, max: max, periodStep: periodStep)
        if !hasPeriod(rates) {
            throw periodNode.error(
                "no multiple of \(periodStep.decimalText) µs is a period within \(min.decimalText)…\(max.decimalText) Hz"
            )
        }
        return rates
    }

    /// Whether some multiple of the period step falls within the rate bounds.
    private static func hasPeriod(_ rates: RateGrid) -> Bool {
        guard case .period(let min, let max, let step) = rates else { return true }
        // The longest period is 1e12 / min(mHz) ns; count the multiples of the step up to it and down to the
        // shortest period, 1e12 / max(mHz) ns, rounded up.
        let scale: Int128 = 1_000_000_000_000
        let stepRaw = Int128(step.rawValue)
        let longest = scale / (Int128(min.rawValue) * stepRaw)
        let shortest = (scale + Int128(max.rawValue) * stepRaw - 1) / (Int128(max.rawValue) * stepRaw)
        return shortest <= longest
    }

    /// Reads `burst`: the burst rate, `pulsesPerBurst {min, max}` and `intraBurstRate {min, max, step}`.
    private static func burstRates(_ node: YAMLField) throws(InputError) -> BurstRates {
        let fields = try node.mapping(.burst)
        let burstRate = try rateGrid(fields)

        let pulsesNode = try fields.required("pulsesPerBurst")
        let pulses = try pulsesNode.mapping(.pulsesPerBurst)
        let fewestNode = try pulses.required("min")
        let fewest = try fewestNode.integer(.positive)
        let most = try pulses.required("max").integer(.positive)
        if fewest > most { throw fewestNode.error("must not be greater than max (got \(fewest) > \(most))") }

        let intraBurstRate: Grid<Millihertz> = try grid(fields.required("intraBurstRate"), bound: .positive)
        return BurstRates(burstRate: burstRate, pulsesPerBurst: fewest...most, intraBurstRate: intraBurstRate)
    }
}
