/// The limits in the form the rules compare against, derived once per device instead of once per program:
/// the contact lookup, every bound as an exact 64-bit integer or as the exact `Double` edge of a
/// floating-point comparison, and the grids in a form checked without division.
///
/// A pure function of the limits it is built from, so it takes no part in equality: `DeviceLimits`
/// rebuilds it whenever one of those fields changes.
struct DerivedLimits: Hashable, Sendable {
    /// Marks a contact number that is on no lead in `areaByNumber`.
    static let noContact: UInt16 = .max
    /// The largest number of distinct areas the fast entry point tracks; more fall back to the general rules.
    static let trackedAreas = 4

    /// The index in `areas` of each lead contact, by contact number; `noContact` elsewhere.
    private let areaByNumber: [UInt16]
    /// Bit n set for each lead contact n below 64.
    let leadsBelow64: UInt64
    /// The bounds of each distinct contact area.
    let areas: [AreaBounds]
    let fractionStep: DivisibilityTest
    /// `current.contact`: an error when `a·|p|` exceeds this (`max · 10⁵`).
    private let currentLimit: Int128
    /// `compliance`: an error when `a·|p|·Z` exceeds this (`(V − h) · 10¹⁴`).
    private let complianceError: Int128
    /// A warning or an error when `a·|p|·Z` exceeds this: `min((V − h) · 10¹⁴, (9V − 10h) · 10¹³ − 1)`, since
    /// `I × Z + h ≥ 0.9 V` exactly when `10·a·|p|·Z ≥ (9V − 10h) · 10¹⁴`.
    private let complianceWarning: Int128
    /// The device-wide grids in fast form; nil where the general check must run.
    let amplitude: UniformGrid?
    let pulseWidth: UniformGrid?
    private let tonicRate: UniformGrid?
    private let highFrequencyRate: UniformGrid?
    /// `battery`: the edge of the warning; nil when the battery model has none.
    let battery: BatteryEdge?
    /// `headroom` in volts, as `Millivolts.doubleValue` gives it.
    let headroomVolts: Double

    /// No contacts and no bounds: what `DeviceLimits` holds until its fields are all set.
    static let empty = DerivedLimits()

    private init() {
        areaByNumber = []
        leadsBelow64 = 0
        areas = []
        fractionStep = DivisibilityTest(step: 0)
        (currentLimit, complianceError, complianceWarning) = (0, 0, 0)
        (amplitude, pulseWidth, tonicRate, highFrequencyRate, battery) = (nil, nil, nil, nil, nil)
        headroomVolts = 0
    }

    init(_ limits: borrowing DeviceLimits) {
        var areas: [AreaBounds] = []
        let highest =
            limits.leads.flatMap(\.contacts).filter { $0 >= 0 && $0 <= MeasuredImpedances.highestContactNumber }
            .max() ?? -1
        // At most one area per contact number, so an index always fits below `noContact`.
        var table = [UInt16](repeating: Self.noContact, count: highest + 1)
        for lead in limits.leads {
            for contact in lead.contacts where contact >= 0 && contact <= highest {
                guard lead.area.rawValue > 0 else {
                    table[contact] = Self.noContact
                    continue
                }
                if let index = areas.firstIndex(where: { $0.area == lead.area }) {
                    table[contact] = UInt16(index)
                } else {
                    table[contact] = UInt16(areas.count)
                    areas.append(AreaBounds(area: lead.area, limits: limits))
                }
            }
        }
        areaByNumber = table
        self.areas = areas
        var leadsBelow64: UInt64 = 0
        for number in table.indices.prefix(64) where table[number] != Self.noContact {
            leadsBelow64 |= 1 << UInt64(number)
        }
        self.leadsBelow64 = leadsBelow64
        fractionStep = DivisibilityTest(step: limits.fractionStep.rawValue)
        currentLimit = Int128(limits.currentPerContactMax.rawValue) * ContactLoad.wholePercent
        let volts = Int128(limits.complianceVoltage.rawValue)
        let headroom = Int128(limits.headroom.rawValue)
        complianceError = (volts - headroom) * ContactLoad.voltageScale
        complianceWarning = min(complianceError, (9 * volts - 10 * headroom) * (ContactLoad.voltageScale / 10) - 1)
        amplitude = UniformGrid(limits.amplitude)
        pulseWidth = UniformGrid(limits.pulseWidth)
        tonicRate = Self.frequencyGrid(limits.waveforms.tonic)
        highFrequencyRate = Self.frequencyGrid(limits.waveforms.highFrequency)
        battery = BatteryEdge(limits.battery)
        headroomVolts = limits.headroom.doubleValue
    }

    private static func frequencyGrid(_ rates: RateGrid?) -> UniformGrid? {
        guard case .frequency(let grid) = rates else { return nil }
        return UniformGrid(grid)
    }

    /// The fast form of the rate grid of `waveform` (tonic and high-frequency only); nil where the general
    /// check must run.
    @inline(__always)
    func rateGrid(for waveform: Waveform) -> UniformGrid? {
        switch waveform {
        case .tonic: tonicRate
        case .highFrequency: highFrequencyRate
        case .burst: nil
        }
    }

    /// The index in `areas` of lead contact `number`, or nil when no lead has it.
    @inline(__always)
    func areaIndex(ofContact number: Int) -> Int? {
        // One unsigned comparison also turns a negative number away.
        guard UInt(bitPattern: number) < UInt(bitPattern: areaByNumber.count) else { return nil }
        let index = areaByNumber[number]
        return index == Self.noContact ? nil : Int(index)
    }

    /// `current.contact` for a contact carrying `a·|p|`: an error above the device's maximum.
    @inline(__always)
    func exceedsCurrent(_ amperePercent: Int128) -> Bool { amperePercent > currentLimit }

    /// `compliance` for a contact whose `a·|p|·Z` is `term` (saturated): an error above the compliance
    /// voltage, else a warning from 90 % of it.
    @inline(__always)
    func complianceSeverity(_ term: Int128) -> Severity? {
        term > complianceWarning ? (term > complianceError ? .error : .warning) : nil
    }

    /// Whether the fast entry point can track every distinct area of the device.
    var tracksEveryArea: Bool { areas.count <= Self.trackedAreas }

    /// Derived data only: two built from equal limits are equal.
    static func == (_: DerivedLimits, _: DerivedLimits) -> Bool { true }

    func hash(into _: inout Hasher) {}
}
