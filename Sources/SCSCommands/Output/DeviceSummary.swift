import DeviceProfiles
import Report
import StimSafety

/// A profile's key limits, for `scs devices`.
struct DeviceSummary: Encodable {
    struct Range: Encodable {
        var min: Double
        var max: Double
        /// The step (the first piece's, for a piecewise grid).
        var step: Double?
        /// The step as a period in µs, for rates quantised as periods.
        var periodStep: Double?
        /// The pieces of a piecewise grid (`step` is then the first piece's).
        var pieces: [Piece]?
    }

    struct Piece: Encodable {
        var upTo: Double
        var step: Double
    }

    var id: String
    var name: String
    var battery: String
    var amplitude: Range
    var pulseWidth: Range
    var frequency: [String: Range]
    var contacts: Int
    var maxActiveContacts: Int
    var caseElectrode: Bool
    var currentPerContactMax: Double
    var complianceVoltage: Double
    var programs: Int
    var source: String

    init(_ profile: DeviceProfile) {
        let limits = profile.limits
        id = profile.id
        name = profile.name
        battery = limits.battery.kind.rawValue
        amplitude = Range(limits.amplitude)
        pulseWidth = Range(limits.pulseWidth)
        var rates: [String: Range] = [:]
        for waveform in limits.waveforms.supported {
            if let grid = limits.waveforms.rates(for: waveform) { rates[waveform.rawValue] = Range(grid) }
        }
        frequency = rates
        contacts = limits.leads.reduce(0) { $0 + $1.contacts.count }
        maxActiveContacts = limits.maxActiveContacts
        caseElectrode = limits.caseElectrode
        currentPerContactMax = limits.currentPerContactMax.doubleValue
        complianceVoltage = limits.complianceVoltage.doubleValue
        programs = profile.programs
        source = profile.sourcePath
    }

    static func table(_ summaries: [DeviceSummary]) -> String {
        var table = TextTable(["id", "battery", "amplitude mA", "pulse width µs", "frequency Hz", "contacts", "name"])
        for summary in summaries {
            let rates = Waveform.allCases.compactMap { waveform in
                summary.frequency[waveform.rawValue].map { "\(waveform.rawValue) \($0.text)" }
            }.joined(separator: "; ")
            table.add([
                summary.id, summary.battery, summary.amplitude.text, summary.pulseWidth.text, rates,
                "\(summary.contacts)\(summary.caseElectrode ? "+case" : "")", summary.name,
            ])
        }
        return table.render()
    }
}

extension DeviceSummary.Range {
    init<Quantity: FixedPoint>(_ grid: Grid<Quantity>) {
        self.init(min: grid.min.doubleValue, max: grid.max.doubleValue, step: grid.segments.first?.step.doubleValue)
        if grid.segments.count > 1 {
            pieces = grid.segments.map { DeviceSummary.Piece(upTo: $0.upTo.doubleValue, step: $0.step.doubleValue) }
        }
    }

    init(_ grid: RateGrid) {
        switch grid {
        case .frequency(let grid): self.init(grid)
        case .period(let min, let max, let step):
            self.init(min: min.doubleValue, max: max.doubleValue, step: nil, periodStep: step.doubleValue)
        }
    }

    var text: String {
        let span = "\(Format.number(min, decimals: 3))–\(Format.number(max, decimals: 3))"
        if let pieces {
            return span + " /"
                + pieces.map { "\(Format.number($0.step, decimals: 3)) to \(Format.number($0.upTo, decimals: 3))" }
                .joined(separator: ", /")
        }
        if let step { return span + " /\(Format.number(step, decimals: 3))" }
        if let periodStep { return span + " (period /\(Format.number(periodStep, decimals: 3)) µs)" }
        return span
    }
}
