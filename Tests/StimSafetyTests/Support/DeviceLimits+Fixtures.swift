@testable import StimSafety

extension DeviceLimits {
    /// The device of the worked examples (`safety-rules.md` §4), which is the `tonic-16` profile: two
    /// 8-contact leads of 12.25 mm² rings, 800 Ω nominal, 12 V compliance with 1 V headroom,
    /// 0–25.5 mA in 0.1 mA steps, 12.7 mA per contact, a 20 µs interphase gap, 20–1000 µs in 10 µs
    /// steps, tonic 2–1200 Hz, burst and high-frequency grids, the case allowed, a 300 mAh
    /// rechargeable cell.
    static let tonic16 = DeviceLimits(
        amplitude: Grid(min: mA("0"), max: mA("25.5"), step: mA("0.1")),
        pulseWidth: Grid(min: us("20"), max: us("1000"), step: us("10")),
        waveforms: WaveformRates(
            tonic: .frequency(Grid(min: hz("2"), max: hz("1200"), step: hz("1"))),
            burst: BurstRates(
                burstRate: .frequency(Grid(min: hz("1"), max: hz("60"), step: hz("1"))), pulsesPerBurst: 2...7,
                intraBurstRate: Grid(min: hz("250"), max: hz("1000"), step: hz("10"))),
            highFrequency: .frequency(Grid(min: hz("1500"), max: hz("10000"), step: hz("100")))),
        interphaseGap: us("20"), passiveRecoveryMin: nil, maxActiveContacts: 16, fractionStep: percent("1"),
        caseElectrode: true,
        leads: [
            Lead(name: "A", contacts: Array(1...8), area: mm2("12.25")),
            Lead(name: "B", contacts: Array(9...16), area: mm2("12.25")),
        ],
        currentPerContactMax: mA("12.7"), complianceVoltage: volts("12"), headroom: volts("1"),
        impedance: ImpedanceThresholds(nominal: ohms("800"), short: ohms("250"), open: ohms("4000")),
        chargeDensity: ChargeDensityLimits(warn: microcoulombsPerCm2("30"), reject: nil),
        shannon: ShannonLimits(warn: 1.5, reject: 1.85), amplitudeSlewMax: mA("1"),
        battery: BatteryModel(kind: .rechargeable, capacity: 300))

    /// A dorsal-root-ganglion style device with a piecewise amplitude grid (0.025 mA up to 2 mA, 0.05 mA
    /// up to 6 mA), tonic only, 4 leads × 4 contacts of 4 mm², no case electrode, 8 active contacts at
    /// most, and a primary cell expected to last 3 years.
    static let piecewise = DeviceLimits(
        amplitude: Grid(
            min: mA("0"),
            segments: [GridSegment(upTo: mA("2"), step: mA("0.025")), GridSegment(upTo: mA("6"), step: mA("0.05"))]),
        pulseWidth: Grid(min: us("40"), max: us("720"), step: us("10")),
        waveforms: WaveformRates(
            tonic: .frequency(Grid(min: hz("4"), max: hz("100"), step: hz("2"))), burst: nil, highFrequency: nil),
        interphaseGap: us("20"), passiveRecoveryMin: nil, maxActiveContacts: 8, fractionStep: percent("1"),
        caseElectrode: false,
        leads: (0..<4).map { lead in
            Lead(name: "L\(lead + 1)", contacts: Array((4 * lead + 1)...(4 * lead + 4)), area: mm2("4"))
        },
        currentPerContactMax: mA("6"), complianceVoltage: volts("12"), headroom: volts("1"),
        impedance: ImpedanceThresholds(nominal: ohms("800"), short: ohms("250"), open: ohms("4000")),
        chargeDensity: ChargeDensityLimits(warn: microcoulombsPerCm2("30"), reject: nil),
        shannon: ShannonLimits(warn: 1.5, reject: 1.85), amplitudeSlewMax: mA("0.5"),
        battery: BatteryModel(kind: .primary, capacity: 1000, minimumLongevityYears: 3))

    /// A research-INS style device whose tonic rates are periods in 10 µs units, 2–500 Hz.
    static let periodGrid: DeviceLimits = tonic16.with {
        $0.waveforms = WaveformRates(
            tonic: .period(min: hz("2"), max: hz("500"), periodStep: us("10")), burst: nil, highFrequency: nil)
    }

    /// A copy with some limits changed, for the one rule a test looks at.
    func with(_ change: (inout DeviceLimits) -> Void) -> DeviceLimits {
        var copy = self
        change(&copy)
        return copy
    }
}
