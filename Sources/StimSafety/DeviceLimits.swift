import RealModule

/// Everything the rules need to know about one stimulator model, in exact units.
///
/// Built by the profile loader from `Devices/*.yaml`; the core holds no device numbers of its own.
public struct DeviceLimits: Hashable, Sendable {
    public var amplitude: Grid<Nanoamps> { didSet { rederive() } }
    public var pulseWidth: Grid<Nanoseconds> { didSet { rederive() } }
    /// The waveforms the device supports, each with its rates.
    public var waveforms: WaveformRates { didSet { rederive() } }
    public var interphaseGap: Nanoseconds
    /// Minimum passive recovery time; nil means three pulse widths.
    public var passiveRecoveryMin: Nanoseconds?
    public var maxActiveContacts: Int
    /// Every contact percent must be a multiple of this.
    public var fractionStep: Percent { didSet { rederive() } }
    /// Whether the can may be used as an electrode.
    public var caseElectrode: Bool
    public var currentPerContactMax: Nanoamps { didSet { rederive() } }
    public var complianceVoltage: Millivolts { didSet { rederive() } }
    public var headroom: Millivolts { didSet { rederive() } }
    public var impedance: ImpedanceThresholds
    public var chargeDensity: ChargeDensityLimits { didSet { rederive() } }
    public var shannon: ShannonLimits { didSet { rederive() } }
    /// Largest amplitude increase in one command before the device ramps; nil disables the rule.
    public var amplitudeSlewMax: Nanoamps?
    public var battery: BatteryModel { didSet { rederive() } }
    /// Slot groups with narrower rate or pulse-width limits (empty for most devices).
    public var groups: [SlotGroup]
    /// The leads and the area of each contact.
    public private(set) var leads: [Lead]
    /// The contact lookup and the bounds in compared form; rebuilt by `rederive()` whenever a field it
    /// depends on changes.
    private(set) var derived = DerivedLimits.empty

    public init(
        amplitude: Grid<Nanoamps>, pulseWidth: Grid<Nanoseconds>, waveforms: WaveformRates,
        interphaseGap: Nanoseconds, passiveRecoveryMin: Nanoseconds?, maxActiveContacts: Int,
        fractionStep: Percent, caseElectrode: Bool, leads: [Lead], currentPerContactMax: Nanoamps,
        complianceVoltage: Millivolts, headroom: Millivolts, impedance: ImpedanceThresholds,
        chargeDensity: ChargeDensityLimits, shannon: ShannonLimits, amplitudeSlewMax: Nanoamps?,
        battery: BatteryModel, groups: [SlotGroup] = []
    ) {
        self.amplitude = amplitude
        self.pulseWidth = pulseWidth
        self.waveforms = waveforms
        self.interphaseGap = interphaseGap
        self.passiveRecoveryMin = passiveRecoveryMin
        self.maxActiveContacts = maxActiveContacts
        self.fractionStep = fractionStep
        self.caseElectrode = caseElectrode
        self.currentPerContactMax = currentPerContactMax
        self.complianceVoltage = complianceVoltage
        self.headroom = headroom
        self.impedance = impedance
        self.chargeDensity = chargeDensity
        self.shannon = shannon
        self.amplitudeSlewMax = amplitudeSlewMax
        self.battery = battery
        self.groups = groups
        self.leads = leads
        rederive()
    }

    /// Replaces the leads (and the contact lookup built from them).
    public mutating func setLeads(_ leads: [Lead]) {
        self.leads = leads
        rederive()
    }

    private mutating func rederive() { derived = DerivedLimits(self) }

    /// The area of lead contact `number` in µm², or nil when the leads have no such contact.
    @inline(__always)
    public func area(ofContact number: Int) -> SquareMicrometers? {
        derived.areaIndex(ofContact: number).map { derived.areas[$0].area }
    }

    /// The passive recovery time for a pulse of `pulseWidth`, in ns (128 bits: three widths of an absurd
    /// width must not overflow).
    @inline(__always)
    func passiveRecovery(for pulseWidth: Nanoseconds) -> Int128 {
        passiveRecoveryMin.map { Int128($0.rawValue) } ?? 3 * Int128(pulseWidth.rawValue)
    }
}

/// One lead: its name, its contact numbers and the surface area of each contact.
public struct Lead: Hashable, Sendable {
    public var name: String
    public var contacts: [Int]
    public var area: SquareMicrometers

    public init(name: String, contacts: [Int], area: SquareMicrometers) {
        self.name = name
        self.contacts = contacts
        self.area = area
    }
}

/// Rates per waveform; nil for a waveform the device does not support.
public struct WaveformRates: Hashable, Sendable {
    public var tonic: RateGrid?
    public var burst: BurstRates?
    public var highFrequency: RateGrid?

    public init(tonic: RateGrid?, burst: BurstRates?, highFrequency: RateGrid?) {
        self.tonic = tonic
        self.burst = burst
        self.highFrequency = highFrequency
    }

    /// The rate grid of `waveform` (for burst: the burst rate), or nil when it is not supported.
    @inline(__always)
    public func rates(for waveform: Waveform) -> RateGrid? {
        switch waveform {
        case .tonic: tonic
        case .burst: burst?.burstRate
        case .highFrequency: highFrequency
        }
    }

    /// The supported waveforms.
    public var supported: [Waveform] { Waveform.allCases.filter { rates(for: $0) != nil } }
}

/// The burst waveform's ranges.
public struct BurstRates: Hashable, Sendable {
    /// The rate at which bursts repeat.
    public var burstRate: RateGrid
    public var pulsesPerBurst: ClosedRange<Int>
    public var intraBurstRate: Grid<Millihertz>

    public init(burstRate: RateGrid, pulsesPerBurst: ClosedRange<Int>, intraBurstRate: Grid<Millihertz>) {
        self.burstRate = burstRate
        self.pulsesPerBurst = pulsesPerBurst
        self.intraBurstRate = intraBurstRate
    }
}

/// Nominal impedance and the short and open thresholds.
public struct ImpedanceThresholds: Hashable, Sendable {
    public var nominal: Milliohms
    public var short: Milliohms
    public var open: Milliohms

    public init(nominal: Milliohms, short: Milliohms, open: Milliohms) {
        self.nominal = nominal
        self.short = short
        self.open = open
    }
}

/// Charge density per phase: a warning limit and an optional rejection limit.
public struct ChargeDensityLimits: Hashable, Sendable {
    public var warn: ChargeDensity
    public var reject: ChargeDensity?

    public init(warn: ChargeDensity, reject: ChargeDensity?) {
        self.warn = warn
        self.reject = reject
    }
}

/// Shannon k limits; the comparison runs on `10^k` without logarithms.
public struct ShannonLimits: Hashable, Sendable {
    /// The warning k; `let`, because `10^k` is precomputed from it.
    public let warn: Double
    /// The rejection k, if any.
    public let reject: Double?
    /// `10^warn`, the bound on `Q² / A` in µC²/cm².
    let warnBound: Double
    /// `10^reject`.
    let rejectBound: Double?

    public init(warn: Double, reject: Double?) {
        self.warn = warn
        self.reject = reject
        warnBound = .pow(10, warn)
        rejectBound = reject.map { .pow(10, $0) }
    }
}

/// The battery model constants of `safety-rules.md` §3.
public struct BatteryModel: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case rechargeable, primary
    }

    public var kind: Kind
    /// Cell capacity in mAh.
    public var capacity: Double
    public var usableFraction: Double
    /// Quiescent current in µA.
    public var quiescentCurrent: Double
    /// Efficiency of the stimulation supply (η).
    public var efficiency: Double
    /// Cell voltage in V.
    public var cellVoltage: Double
    /// The lowest stimulation supply voltage, V_H,min, in V.
    public var minimumStimVoltage: Double
    /// For primary cells: a longevity below this many years warns.
    public var minimumLongevityYears: Double?

    public init(
        kind: Kind, capacity: Double, usableFraction: Double = 0.8, quiescentCurrent: Double = 10,
        efficiency: Double = 0.8, cellVoltage: Double = 3.6, minimumStimVoltage: Double = 2.5,
        minimumLongevityYears: Double? = nil
    ) {
        self.kind = kind
        self.capacity = capacity
        self.usableFraction = usableFraction
        self.quiescentCurrent = quiescentCurrent
        self.efficiency = efficiency
        self.cellVoltage = cellVoltage
        self.minimumStimVoltage = minimumStimVoltage
        self.minimumLongevityYears = minimumLongevityYears
    }
}
