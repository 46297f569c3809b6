/// The limits in the form the rules compare against, derived once per device instead of once per program:
/// the contact lookup, and every per-contact bound as an exact 64-bit integer or as the exact `Double`
/// threshold of a Shannon comparison.
///
/// A pure function of the limits it is built from, so it takes no part in equality: `DeviceLimits`
/// rebuilds it whenever one of those fields changes.
struct DerivedLimits: Hashable, Sendable {
    /// The contacts that share one area, and their area-dependent bounds.
    struct AreaClass: Hashable, Sendable {
        let area: SquareMicrometers
        /// `chargeDensity`: a warning when `a·|p|·PW` exceeds this (`warn · A · 10⁶`, saturated).
        let densityWarn: Int64
        /// An error when `a·|p|·PW` exceeds this; `Int64.max` without a rejection limit.
        let densityReject: Int64
        /// `shannon`: a warning exactly when the squared charge `Q²` exceeds this.
        let shannonWarn: Double
        /// An error exactly when `Q²` exceeds this; +∞ without a rejection limit.
        let shannonReject: Double
    }

    /// Marks a contact number that is on no lead in `classByNumber`.
    static let noContact: UInt16 = .max
    /// The largest number of distinct areas the fast entry point tracks; more fall back to the general rules.
    static let trackedAreas = 4

    /// The class of each lead contact, indexed by contact number; `noContact` elsewhere.
    private let classByNumber: [UInt16]
    let areaClasses: [AreaClass]
    let fractionStep: DivisibilityTest
    /// `current.contact`: an error when `a·|p|` exceeds this (`max · 10⁵`, saturated).
    let currentLimit: Int64
    /// `compliance`: an error when `a·|p|·Z` exceeds this (`(V − h) · 10¹⁴`, saturated).
    let complianceError: Int64
    /// A warning or an error when `a·|p|·Z` exceeds this: `min((V − h) · 10¹⁴, (9V − 10h) · 10¹³ − 1)`.
    let complianceWarning: Int64

    /// No contacts and no bounds: what `DeviceLimits` holds until its fields are all set.
    static let empty = DerivedLimits()

    private init() {
        classByNumber = []
        areaClasses = []
        fractionStep = DivisibilityTest(step: 0)
        (currentLimit, complianceError, complianceWarning) = (0, 0, 0)
    }

    init(_ limits: borrowing DeviceLimits) {
        var classes: [AreaClass] = []
        let highest =
            limits.leads.flatMap(\.contacts).filter { $0 >= 0 && $0 <= MeasuredImpedances.highestContactNumber }
            .max() ?? -1
        // At most one class per contact number, so a class index always fits below `noContact`.
        var table = [UInt16](repeating: Self.noContact, count: highest + 1)
        for lead in limits.leads {
            for contact in lead.contacts where contact >= 0 && contact <= highest {
                guard lead.area.rawValue > 0 else {
                    table[contact] = Self.noContact
                    continue
                }
                if let index = classes.firstIndex(where: { $0.area == lead.area }) {
                    table[contact] = UInt16(index)
                } else {
                    table[contact] = UInt16(classes.count)
                    classes.append(AreaClass(area: lead.area, limits: limits))
                }
            }
        }
        classByNumber = table
        areaClasses = classes
        fractionStep = DivisibilityTest(step: limits.fractionStep.rawValue)
        currentLimit = Int64(clamping: Int128(limits.currentPerContactMax.rawValue) * ContactLoad.wholePercent)
        let volts = Int128(limits.complianceVoltage.rawValue)
        let headroom = Int128(limits.headroom.rawValue)
        let error = (volts - headroom) * ContactThresholds.voltageScale
        complianceError = Int64(clamping: error)
        complianceWarning = Int64(
            clamping: min(error, (9 * volts - 10 * headroom) * (ContactThresholds.voltageScale / 10) - 1))
    }

    /// The area class of lead contact `number`, or nil when no lead has it.
    @inline(__always)
    func areaClass(ofContact number: Int) -> Int? {
        guard number >= 0, number < classByNumber.count else { return nil }
        let index = classByNumber[number]
        return index == Self.noContact ? nil : Int(index)
    }

    /// Whether the fast entry point can track every area class of the device.
    var tracksEveryArea: Bool { areaClasses.count <= Self.trackedAreas }

    /// Derived data only: two plans built from equal limits are equal.
    static func == (_: DerivedLimits, _: DerivedLimits) -> Bool { true }

    func hash(into _: inout Hasher) {}
}

extension DerivedLimits.AreaClass {
    init(area: SquareMicrometers, limits: borrowing DeviceLimits) {
        self.area = area
        // a·|p|·PW ≤ L·A·10⁶, exact in 128 bits; a bound beyond 64 bits is one no 64-bit load exceeds.
        let scale = Int128(area.rawValue) * 1_000_000
        densityWarn = Int64(clamping: saturatingProduct(Int128(limits.chargeDensity.warn.rawValue), scale))
        densityReject =
            limits.chargeDensity.reject.map { Int64(clamping: saturatingProduct(Int128($0.rawValue), scale)) }
            ?? .max
        let squareCentimetres = ContactLoad.squareCentimetres(area)
        shannonWarn = Self.squaredChargeLimit(
            area: squareCentimetres, bound: shannonThreshold(limits.shannon.warnBound))
        shannonReject =
            limits.shannon.rejectBound.map {
                Self.squaredChargeLimit(area: squareCentimetres, bound: shannonThreshold($0))
            } ?? .infinity
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
