/// The bounds of the per-contact load rules for the contacts of one area, in the form the fast entry point
/// compares against.
struct AreaBounds: Hashable, Sendable {
    let area: SquareMicrometers
    /// `chargeDensity`: an error when `a·|p|·PW` exceeds this (`reject · A · 10⁶`, saturated);
    /// `Int64.max` without a rejection limit.
    let densityReject: Int64
    /// A warning or an error when `a·|p|·PW` exceeds this: the lesser of the rejection bound and the warning
    /// bound `warn · A · 10⁶`.
    let densityLimit: Int64
    /// `shannon`: an error exactly when the squared charge `Q²` exceeds this; +∞ without a rejection limit.
    let shannonReject: Double
    /// A warning or an error exactly when `Q²` exceeds this.
    let shannonLimit: Double

    init(area: SquareMicrometers, limits: borrowing DeviceLimits) {
        self.area = area
        // a·|p|·PW ≤ L·A·10⁶, exact in 128 bits; a bound beyond 64 bits is one no 64-bit load exceeds.
        let scale = ContactLoad.densityScale(area)
        let densityWarn = Int64(clamping: saturatingProduct(Int128(limits.chargeDensity.warn.rawValue), scale))
        densityReject =
            limits.chargeDensity.reject.map { Int64(clamping: saturatingProduct(Int128($0.rawValue), scale)) }
            ?? .max
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
