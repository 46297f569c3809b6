/// The bounds of the per-contact load rules for the contacts of one area, and the decisions of
/// `chargeDensity` and `shannon` that both entry points ask.
struct AreaBounds: Hashable, Sendable {
    let area: SquareMicrometers
    /// `chargeDensity`: an error when `a·|p|·PW` exceeds this (`reject · A · 10⁶`, saturated);
    /// `Int128.max` without a rejection limit.
    let densityReject: Int128
    /// A warning or an error when `a·|p|·PW` exceeds this: the lesser of the rejection bound and the warning
    /// bound `warn · A · 10⁶`.
    let densityLimit: Int128
    /// `shannon`: an error exactly when the squared charge `Q²` exceeds this; +∞ without a rejection limit.
    let shannonReject: Double
    /// A warning or an error exactly when `Q²` exceeds this.
    let shannonLimit: Double

    init(area: SquareMicrometers, limits: borrowing DeviceLimits) {
        self.area = area
        // a·|p|·PW ≤ L·A·10⁶, exact in 128 bits; a saturated load exceeds a saturated bound only when both
        // are beyond every exact value.
        let scale = ContactLoad.densityScale(area)
        let densityWarn = saturatingProduct(Int128(limits.chargeDensity.warn.rawValue), scale)
        densityReject = limits.chargeDensity.reject.map { saturatingProduct(Int128($0.rawValue), scale) } ?? .max
        let squareCentimetres = ContactLoad.squareCentimetres(area)
        let shannonWarn = Self.squaredChargeLimit(
            area: squareCentimetres, bound: shannonThreshold(limits.shannon.warnBound))
        shannonReject =
            limits.shannon.rejectBound.map {
                Self.squaredChargeLimit(area: squareCentimetres, bound: shannonThreshold($0))
            } ?? .infinity
        densityLimit = min(densityReject, densityWarn)
        shannonLimit = min(shannonReject, shannonWarn)
    }

    /// `chargeDensity` for a contact of this area carrying the load `a·|p|·PW` (saturated): an error above
    /// the rejection bound, else a warning above the warning bound.
    @inline(__always)
    func densitySeverity(_ load: Int128) -> Severity? {
        load > densityLimit ? (load > densityReject ? .error : .warning) : nil
    }

    /// `shannon` for a contact of this area whose charge per phase squared is `squaredCharge` (µC²): the
    /// comparison of `Q² / A` with the widened bounds of `exceedsShannon`, bit for bit.
    @inline(__always)
    func shannonSeverity(squaredCharge: Double) -> Severity? {
        squaredCharge > shannonLimit ? (squaredCharge > shannonReject ? .error : .warning) : nil
    }

    /// The largest `x ≥ 0` with `x / area ≤ bound` in `Double` arithmetic, so that for every `x ≥ 0`
    /// `x / area > bound` exactly when `x` exceeds the result: the rules' Shannon comparison, bit for bit,
    /// without the division.
    ///
    /// Rounded division by a positive number never decreases as `x` grows, and non-negative doubles
    /// order like their bit patterns, so a binary search over the bit patterns finds the edge.
    static func squaredChargeLimit(area: Double, bound: Double) -> Double {
        // No product exceeds a NaN bound, and none exceeds a bound that even +∞ / area stays within.
        if bound.isNaN || Double.infinity / area <= bound { return .infinity }
        // Every product exceeds a bound that zero already exceeds.
        if !(0 / area <= bound) { return -.infinity }
        var passes: UInt64 = 0
        var fails = Double.infinity.bitPattern
        while fails - passes > 1 {
            let middle = passes + (fails - passes) / 2
            if Double(bitPattern: middle) / area <= bound { passes = middle } else { fails = middle }
        }
        return Double(bitPattern: passes)
    }
}
