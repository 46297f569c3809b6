/// The rates a device offers for one waveform: a frequency grid, or a range of frequencies whose
/// periods are quantised in steps of `periodStep`.
public enum RateGrid: Hashable, Sendable {
    /// Frequencies on a grid in Hz.
    case frequency(Grid<Millihertz>)
    /// Periods that are whole multiples of `periodStep`, with frequencies within `min...max`.
    case period(min: Millihertz, max: Millihertz, periodStep: Nanoseconds)

    /// The lowest and highest frequency.
    public var bounds: (min: Millihertz, max: Millihertz) {
        switch self {
        case .frequency(let grid): (grid.min, grid.max)
        case .period(let min, let max, _): (min, max)
        }
    }

    /// Whether `rate` lies within the frequency bounds (equal is inside).
    @inline(__always)
    public func contains(_ rate: Rate) -> Bool {
        let (low, high) = bounds
        let (numerator, denominator) = rate.periodFraction
        guard denominator > 0, numerator > 0 else { return false }
        // low ≤ f ≤ high with f = scale × denominator / numerator (in mHz).
        let frequencyTimesNumerator = Rate.periodScale * denominator
        return Int128(low.rawValue) * numerator <= frequencyTimesNumerator
            && frequencyTimesNumerator <= Int128(high.rawValue) * numerator
    }

    /// Whether `rate` is exactly one of the grid's values (the range is checked separately).
    @inline(__always)
    public func isOnStep(_ rate: Rate) -> Bool {
        switch (self, rate) {
        case (.frequency(let grid), .frequency(let value)):
            return grid.isOnStep(value)
        case (.frequency(let grid), .period(let period)):
            guard period.rawValue > 0, Rate.periodScale % Int128(period.rawValue) == 0 else { return false }
            return grid.isOnStep(Millihertz(rawValue: Int64(Rate.periodScale / Int128(period.rawValue))))
        case (.period(_, _, let step), .period(let period)):
            return period.rawValue > 0 && step.rawValue > 0 && period.rawValue % step.rawValue == 0
        case (.period(_, _, let step), .frequency(let value)):
            guard value.rawValue > 0, step.rawValue > 0 else { return false }
            return Rate.periodScale % (Int128(value.rawValue) * Int128(step.rawValue)) == 0
        }
    }

    /// Whether `rate` is settable: in range and on a step.
    public func allows(_ rate: Rate) -> Bool { contains(rate) && isOnStep(rate) }

    /// The fastest settable rate not faster than `rate`, or nil when `rate` is below the minimum.
    ///
    /// On a period grid the period is snapped up, which is the frequency snapped down.
    public func snapDown(_ rate: Rate) -> Rate? {
        switch self {
        case .frequency(let grid):
            switch rate {
            case .frequency(let value):
                return grid.snapDown(value).map(Rate.frequency)
            case .period(let period):
                guard period.rawValue > 0 else { return nil }
                let millihertz = Int64(Rate.periodScale / Int128(period.rawValue))
                return grid.snapDown(Millihertz(rawValue: millihertz)).map(Rate.frequency)
            }
        case .period(_, _, let step):
            let (numerator, denominator) = rate.periodFraction
            guard numerator > 0, denominator > 0, step.rawValue > 0, bounds.max.rawValue > 0 else { return nil }
            let stepRaw = Int128(step.rawValue)
            // Smallest multiple of the step that is ≥ the period, and no shorter than the fastest rate.
            var steps = (numerator + denominator * stepRaw - 1) / (denominator * stepRaw)
            let shortest =
                (Rate.periodScale + Int128(bounds.max.rawValue) * stepRaw - 1)
                / (Int128(bounds.max.rawValue) * stepRaw)
            steps = Swift.max(steps, shortest)
            let snapped = Rate.period(Nanoseconds(rawValue: Int64(steps * stepRaw)))
            return contains(snapped) ? snapped : nil
        }
    }

    /// Every settable rate, slowest first for a frequency grid and for a period grid alike.
    public var values: [Rate] {
        switch self {
        case .frequency(let grid):
            return grid.values.map(Rate.frequency)
        case .period(let min, let max, let step):
            guard step.rawValue > 0, min.rawValue > 0, max.rawValue > 0 else { return [] }
            let stepRaw = Int128(step.rawValue)
            let longest = Rate.periodScale / (Int128(min.rawValue) * stepRaw)
            let shortest = (Rate.periodScale + Int128(max.rawValue) * stepRaw - 1) / (Int128(max.rawValue) * stepRaw)
            guard shortest <= longest else { return [] }
            return stride(from: longest, through: shortest, by: -1).map {
                Rate.period(Nanoseconds(rawValue: Int64($0 * stepRaw)))
            }
        }
    }
}
