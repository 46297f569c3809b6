@testable import StimSafety

/// A device the property tests draw programs for, with its grid values listed once.
struct SampledDevice: Sendable {
    var name: String
    var limits: DeviceLimits
    var amplitudes: [Nanoamps]
    var pulseWidths: [Nanoseconds]
    var rates: [Waveform: [Millihertz]]
    var intraBurstRates: [Millihertz]

    init(_ name: String, _ limits: DeviceLimits) {
        self.name = name
        self.limits = limits
        amplitudes = limits.amplitude.values
        pulseWidths = limits.pulseWidth.values
        var rates: [Waveform: [Millihertz]] = [:]
        for waveform in Waveform.allCases {
            if case .frequency(let grid) = limits.waveforms.rates(for: waveform) { rates[waveform] = grid.values }
        }
        self.rates = rates
        intraBurstRates = limits.waveforms.burst?.intraBurstRate.values ?? [hz("500")]
    }

    /// A device that turns on what the others leave off: a density reject limit, no Shannon reject, a
    /// fixed passive recovery, a 0.5 % fraction step, four active contacts and a primary cell.
    static let variant = DeviceLimits.tonic16.with {
        $0.chargeDensity = ChargeDensityLimits(warn: microcoulombsPerCm2("25"), reject: microcoulombsPerCm2("40"))
        $0.shannon = ShannonLimits(warn: 1.7, reject: nil)
        $0.passiveRecoveryMin = us("400")
        $0.fractionStep = percent("0.5")
        $0.maxActiveContacts = 4
        $0.battery = BatteryModel(kind: .primary, capacity: 400, minimumLongevityYears: 2)
    }

    /// Leads of two areas, the second numbered from 65: the fast entry point tracks more than one area and
    /// finds contacts beyond its 64-bit mask.
    static let mixedAreas = DeviceLimits.tonic16.with {
        $0.setLeads([
            Lead(name: "A", contacts: Array(1...8), area: mm2("12.25")),
            Lead(name: "B", contacts: Array(65...72), area: mm2("6")),
        ])
    }

    static let all = [
        SampledDevice("tonic-16", .tonic16), SampledDevice("piecewise", .piecewise),
        SampledDevice("variant", variant), SampledDevice("mixed areas", mixedAreas),
    ]

    static func named(_ name: String) -> SampledDevice { all.first { $0.name == name }! }
}
