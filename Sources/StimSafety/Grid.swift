/// One piece of a grid: values up to and including `upTo` lie on multiples of `step` counted from
/// where the previous piece ended (or from the grid's minimum).
public struct GridSegment<Quantity: FixedPoint>: Hashable, Sendable {
    /// The last value this piece covers.
    public var upTo: Quantity
    /// The spacing of values within this piece.
    public var step: Quantity

    public init(upTo: Quantity, step: Quantity) {
        self.upTo = upTo
        self.step = step
    }
}

/// The values a device can be set to: a range with one step, or a piecewise step
/// (0.025 mA up to 2 mA, 0.05 mA above). Equal to a bound is inside.
public struct Grid<Quantity: FixedPoint>: Hashable, Sendable {
    /// The smallest settable value.
    public var min: Quantity
    /// The pieces, in increasing order; the last one ends at the grid's maximum.
    public var segments: [GridSegment<Quantity>]

    /// A grid with one step from `min` to `max`.
    public init(min: Quantity, max: Quantity, step: Quantity) {
        self.init(min: min, segments: [GridSegment(upTo: max, step: step)])
    }

    /// A piecewise grid; `segments` must be non-empty and increasing.
    public init(min: Quantity, segments: [GridSegment<Quantity>]) {
        self.min = min
        self.segments = segments
    }

    /// The largest settable value.
    public var max: Quantity { segments.last?.upTo ?? min }

    /// Whether `value` is within `min...max`.
    @inline(__always)
    public func contains(_ value: Quantity) -> Bool { value >= min && value <= max }

    /// The piece that governs `value` and where that piece starts counting from.
    @inline(__always)
    func segment(for value: Quantity) -> (base: Int64, step: Int64) {
        var base = min.rawValue
        var index = 0
        // Indexing rather than iterating: an iterator would retain the array on this hot path.
        while index < segments.count {
            let segment = segments[index]
            if value.rawValue <= segment.upTo.rawValue { return (base, segment.step.rawValue) }
            base = segment.upTo.rawValue
            index += 1
        }
        let last = segments[segments.count - 1]
        return (segments.count > 1 ? segments[segments.count - 2].upTo.rawValue : min.rawValue, last.step.rawValue)
    }

    /// Whether `value` lies exactly on a step of its piece (range is checked separately).
    @inline(__always)
    public func isOnStep(_ value: Quantity) -> Bool {
        let (base, step) = segment(for: value)
        guard step > 0 else { return value.rawValue == base }
        let (offset, overflow) = value.rawValue.subtractingReportingOverflow(base)
        // Only a value far outside the grid overflows; it is still judged exactly.
        guard !overflow else { return (Int128(value.rawValue) - Int128(base)) % Int128(step) == 0 }
        return offset % step == 0
    }

    /// Whether `value` has more decimal places than any settable value of its piece (whose decimals are
    /// those of the step and of the value the piece counts from): off the grid for its decimals alone.
    func hasMoreDecimalsThanItsStep(_ value: Quantity) -> Bool {
        let (base, step) = segment(for: value)
        return Self.decimalPlaces(value.rawValue) > Swift.max(Self.decimalPlaces(step), Self.decimalPlaces(base))
    }

    /// The decimal places a count of sub-units has in display units (0 for a whole number).
    private static func decimalPlaces(_ raw: Int64) -> Int {
        var places = Quantity.fractionDigits
        var rest = raw
        while places > 0, rest % 10 == 0 {
            rest /= 10
            places -= 1
        }
        return places
    }

    /// Whether `value` is a settable value: in range and on a step.
    public func allows(_ value: Quantity) -> Bool { contains(value) && isOnStep(value) }

    /// The largest settable value not above `value`, or nil when `value` is below the minimum.
    public func snapDown(_ value: Quantity) -> Quantity? {
        guard value >= min else { return nil }
        if value >= max { return max }
        let (base, step) = segment(for: value)
        guard step > 0 else { return min }
        let offset = value.rawValue - base
        return Quantity(rawValue: value.rawValue - offset % step)
    }

    /// The next settable value above `value` (which must be settable), or nil at the maximum.
    func stepUp(from value: Quantity) -> Quantity? {
        guard value < max else { return nil }
        let (base, step) = segment(for: Quantity(rawValue: value.rawValue + 1))
        guard step > 0 else { return nil }
        let offset = value.rawValue - base
        return Quantity(rawValue: base + (offset / step + 1) * step)
    }

    /// The next settable value below `value`, or nil at the minimum.
    func stepDown(from value: Quantity) -> Quantity? {
        guard value > min else { return nil }
        return snapDown(Quantity(rawValue: value.rawValue - 1))
    }

    /// Every settable value, in increasing order.
    public var values: [Quantity] {
        var result: [Quantity] = []
        var current: Quantity? = min
        while let value = current {
            result.append(value)
            current = stepUp(from: value)
        }
        return result
    }

    /// What is wrong with the grid's shape, if anything: an empty or inverted range, a step that is not
    /// positive, or a step that does not divide its piece.
    public var shapeProblem: GridShapeProblem? {
        guard !segments.isEmpty else { return .noSteps }
        var start = min
        for (index, segment) in segments.enumerated() {
            if segment.upTo < start { return .minAboveMax(index: index) }
            if segment.step.rawValue <= 0 { return .stepNotPositive(index: index) }
            if (segment.upTo.rawValue - start.rawValue) % segment.step.rawValue != 0 {
                return .stepDoesNotDivide(index: index)
            }
            start = segment.upTo
        }
        return nil
    }
}

/// A structural fault in a grid, found when a device profile is loaded.
public enum GridShapeProblem: Equatable, Sendable {
    /// No step was given.
    case noSteps
    /// A piece ends below where it starts (for a single step: min > max).
    case minAboveMax(index: Int)
    /// A step is zero or negative.
    case stepNotPositive(index: Int)
    /// A step does not divide the length of its piece.
    case stepDoesNotDivide(index: Int)
}
