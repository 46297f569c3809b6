import DeviceProfiles
import Report
import SCSCommands
import StimSafety

/// What the page needs to know of a device profile to offer only settable values: every grid as its
/// list of values (a slider moves by one device step), the leads, the fraction step, the waveforms.
///
/// The page chooses among these values; what is safe is decided by the server's validation alone.
struct DeviceDescription: Encodable {
    /// A waveform's rates: frequencies in Hz, or periods in µs for a device that quantises periods.
    struct Rates: Encodable {
        /// `frequency` or `period`: the program field the values go into.
        var field: String
        var values: [Double]

        init(_ grid: RateGrid) {
            switch grid {
            case .frequency(let frequencies):
                field = "frequency"
                values = frequencies.values.map(\.doubleValue)
            case .period:
                field = "period"
                values = grid.values.compactMap {
                    if case .period(let period) = $0 { period.doubleValue } else { nil }
                }
            }
        }
    }

    struct Burst: Encodable {
        var rates: Rates
        var pulsesPerBurst: [Int]
        /// Hz.
        var intraBurstRate: [Double]
    }

    /// What `scs devices` says of the profile: id, name, leads, programs, compliance voltage, ….
    var summary: DeviceSummary
    /// mA.
    var amplitude: [Double]
    /// µs.
    var pulseWidth: [Double]
    var tonic: Rates?
    var burst: Burst?
    var highFrequency: Rates?
    /// Every contact share is a multiple of this, %.
    var fractionStep: Double
    /// The limits the metrics are shown against: µC/cm², Shannon k.
    var chargeDensityWarn: Double
    var chargeDensityReject: Double?
    var shannonWarn: Double
    var shannonReject: Double?
    /// The profile's fields marked as assumed.
    var assumedFields: [String]
    /// What the lead diagram can and cannot show of the leads' geometry.
    var geometry: String

    init(_ profile: DeviceProfile) {
        let limits = profile.limits
        summary = DeviceSummary(profile)
        amplitude = limits.amplitude.values.map(\.doubleValue)
        pulseWidth = limits.pulseWidth.values.map(\.doubleValue)
        tonic = limits.waveforms.tonic.map(Rates.init)
        burst = limits.waveforms.burst.map {
            Burst(
                rates: Rates($0.burstRate),
                pulsesPerBurst: [$0.pulsesPerBurst.lowerBound, $0.pulsesPerBurst.upperBound],
                intraBurstRate: $0.intraBurstRate.values.map(\.doubleValue))
        }
        highFrequency = limits.waveforms.highFrequency.map(Rates.init)
        fractionStep = limits.fractionStep.doubleValue
        chargeDensityWarn = limits.chargeDensity.warn.doubleValue
        chargeDensityReject = limits.chargeDensity.reject?.doubleValue
        shannonWarn = limits.shannon.warn
        shannonReject = limits.shannon.reject
        assumedFields = profile.assumedFields
        geometry =
            "Contacts are numbered as the device numbers them. "
            + (profile.geometry.map {
                "Drawn to scale from the profile: contacts \(Format.number($0.contactLength, decimals: 2)) mm long, "
                    + "\(Format.number($0.spacing, decimals: 2)) mm apart edge to edge."
            } ?? "The profile gives each contact's area but not its length or spacing, so the diagram is not to scale.")
    }
}
