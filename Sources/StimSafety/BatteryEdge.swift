/// The `battery` warning as a comparison of the supply load `V_H × I_stim` with one precomputed edge, and a
/// cheaper estimate of the load that decides far enough from the edge without a single division.
struct BatteryEdge: Hashable, Sendable {
    /// The rule warns exactly when a finite supply load ≥ 0 exceeds this.
    let limit: Double
    /// An estimate at or below this is a load at or below `limit`.
    private let clearlyBelow: Double
    /// An estimate above this is a load above `limit`.
    private let clearlyAbove: Double

    /// The edge of `model`; nil when its constants do not make the warning grow with the load (an
    /// efficiency, cell voltage or quiescent draw that is not positive, or a capacity that is not finite and
    /// non-negative).
    ///
    /// With such constants every step from the load to the verdict is a correctly rounded operation that
    /// keeps or reverses order, so the verdict switches once as the load grows; non-negative doubles order
    /// like their bit patterns, so a binary search over the bit patterns finds the switch, by the rule's
    /// own arithmetic.
    init?(_ model: BatteryModel) {
        let fullCapacity = model.capacity * 1000 * (model.kind == .rechargeable ? model.usableFraction : 1)
        guard model.efficiency > 0, model.cellVoltage > 0, model.batteryCurrent(supplyLoad: 0) > 0,
            fullCapacity >= 0, fullCapacity.isFinite
        else { return nil }
        let warns = { (load: Double) in model.warns(batteryCurrent: model.batteryCurrent(supplyLoad: load)) }
        if warns(0) {
            limit = -.infinity
        } else if !warns(.greatestFiniteMagnitude) {
            limit = .greatestFiniteMagnitude
        } else {
            var passes: UInt64 = 0
            var fails = Double.greatestFiniteMagnitude.bitPattern
            while fails - passes > 1 {
                let middle = passes + (fails - passes) / 2
                if warns(Double(bitPattern: middle)) { fails = middle } else { passes = middle }
            }
            limit = Double(bitPattern: passes)
        }
        // The estimate and the rule's load are roundings of the same real product, within 14 units in the
        // last place of each other; the margin of 10⁻¹² leaves room to spare.
        let positive = limit > 0 && limit.isFinite
        clearlyBelow = positive ? limit * (1 - 1e-12) : -.infinity
        clearlyAbove = positive ? limit * (1 + 1e-12) : .infinity
    }

    /// Whether the rule warns for a tonic or high-frequency program, decided from the estimate
    /// `a × PW × f × (n × 10⁻¹⁵) × duty × V_H` (nA, ns, mHz; n phases), in multiplications only; nil
    /// near the edge, or where the inputs leave the range in which the estimate's error is bounded.
    ///
    /// The rule's load rounds the same real product eight times at most (five divisions by powers of ten and
    /// three multiplications, `duty` and `V_H` being shared), the estimate six times (its constant
    /// included), so the two differ by a factor within `(1 ± 2⁻⁵³)¹⁴`, provided no step overflows or
    /// falls below the normal range; the bounds on the inputs rule both out.
    @inline(__always)
    func warnsClearly(
        amplitude: Int64, pulseWidth: Int64, rate: Int64, phases: Double, duty: Double, supply: Double
    ) -> Bool? {
        // Integers below 2⁵³ convert exactly.
        let exact: UInt64 = 1 << 53
        guard UInt64(bitPattern: amplitude) < exact, UInt64(bitPattern: pulseWidth) < exact,
            UInt64(bitPattern: rate) < exact, duty >= 1e-100, duty <= 1e100, supply >= 1e-100, supply <= 1e100
        else { return nil }
        let estimate = Double(amplitude) * Double(pulseWidth) * Double(rate) * (phases * 1e-15) * duty * supply
        if estimate <= clearlyBelow { return false }
        if estimate > clearlyAbove { return true }
        return nil
    }
}
