/// A grid with one step, in raw units, in the form the fast entry point checks: two comparisons and a
/// divisibility test, no division.
struct UniformGrid: Hashable, Sendable {
    private let min: Int64
    private let max: Int64
    /// Divisibility by the step, of the offset from `min`.
    private let step: DivisibilityTest

    /// The fast form of `grid`; nil for a piecewise grid or a step that is not positive, which keep the
    /// general check, and for a range too wide to count from its minimum in 64 bits.
    init?<Quantity: FixedPoint>(_ grid: Grid<Quantity>) {
        guard grid.segments.count == 1, grid.segments[0].step.rawValue > 0,
            !grid.max.rawValue.subtractingReportingOverflow(grid.min.rawValue).overflow
        else { return nil }
        min = grid.min.rawValue
        max = grid.max.rawValue
        step = DivisibilityTest(step: grid.segments[0].step.rawValue)
    }

    /// Whether `value` is settable, exactly as `Grid.allows`: within `min...max` and a whole number of
    /// steps from `min`.
    @inline(__always)
    func allows(_ value: Int64) -> Bool {
        // Within the range, `value − min ≤ max − min` fits in 64 bits.
        value >= min && value <= max && step.isMultiple(value &- min)
    }
}
