import DeviceProfiles
import Report
import StimSafety

/// A profile's key limits, for `scs devices` (and `scs ui`).
package struct DeviceSummary: Encodable {
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

    /// A lead and its contacts, numbered as the device numbers them (some from 0, others from 1).
    struct LeadContacts: Encodable {
        var name: String
        var contacts: [Int]
    }

    var id: String
    var name: String
    var battery: String
    var amplitude: Range
    var pulseWidth: Range
    var frequency: [String: Range]
    var contacts: Int
    var leads: [LeadContacts]
    var maxActiveContacts: Int
    var caseElectrode: Bool
    var currentPerContactMax: Double
    var complianceVoltage: Double
    var programs: Int
    /// The file, `built-in Devices/FILE` for a profile compiled into `scs`.
    var source: String
    /// Whether this profile, from the user's folder, replaces the built-in one with its id.
    var replacesBuiltIn: Bool

    package init(_ profile: DeviceProfile, replacesBuiltIn: Bool = false) {
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
        leads = limits.leads.map { LeadContacts(name: $0.name, contacts: $0.contacts) }
        maxActiveContacts = limits.maxActiveContacts
        caseElectrode = limits.caseElectrode
        currentPerContactMax = limits.currentPerContactMax.doubleValue
        complianceVoltage = limits.complianceVoltage.doubleValue
        programs = profile.programs
        source = profile.sourcePath
        self.replacesBuiltIn = replacesBuiltIn
    }

    /// The summaries of a catalog's profiles, sorted by id.
    static func of(_ catalog: DeviceCatalog) -> [DeviceSummary] {
        catalog.profiles.map { DeviceSummary($0, replacesBuiltIn: catalog.replacedIDs.contains($0.id)) }
    }

    /// The profiles for people, one block each within 120 columns: the id and name; the battery,
    /// program slots and contact numbering; the amplitude, pulse width and rate grids; for a profile
    /// from the user's folder, its file and whether it replaces a built-in one.
    static func text(_ summaries: [DeviceSummary]) -> String {
        summaries.map { summary in
            let rates = Waveform.allCases.compactMap { waveform in
                summary.frequency[waveform.rawValue].map { "\(waveform.rawValue) \($0.text(unit: "Hz"))" }
            }.joined(separator: "; ")
            let leads = summary.leads.map { "lead \($0.name) \(numbering($0.contacts))" }
            let contacts = (leads + (summary.caseElectrode ? ["case"] : [])).joined(separator: ", ")
            var lines = [
                "\(summary.id) — \(summary.name)",
                "  \(summary.battery) battery · \(summary.programs) program slots · contacts \(contacts)",
                "  amplitude \(summary.amplitude.text(unit: "mA")) · pulse width \(summary.pulseWidth.text(unit: "µs"))",
                "  rate \(rates)",
            ]
            if !summary.source.hasPrefix("built-in ") {
                lines.append(
                    "  from \(summary.source)" + (summary.replacesBuiltIn ? " (replaces the built-in one)" : ""))
            }
            return lines.map { Terminal.escaped($0) }.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// Contact numbers as runs: `1–8`, or `0, 2–4` where they skip.
    static func numbering(_ contacts: [Int]) -> String {
        var runs: [String] = []
        var index = contacts.startIndex
        while index < contacts.endIndex {
            var end = index
            while end + 1 < contacts.endIndex, contacts[end + 1] == contacts[end] + 1 { end += 1 }
            runs.append(end > index ? "\(contacts[index])–\(contacts[end])" : "\(contacts[index])")
            index = end + 1
        }
        return runs.joined(separator: ", ")
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

    /// `0–25.5 mA, step 0.1`; a piecewise grid gives each piece's step and end, a period grid its step.
    func text(unit: String) -> String {
        let span = "\(Format.number(min, decimals: 3))–\(Format.number(max, decimals: 3)) \(unit)"
        if let pieces {
            return span + ", step "
                + pieces.map { "\(Format.number($0.step, decimals: 3)) to \(Format.number($0.upTo, decimals: 3))" }
                .joined(separator: ", ")
        }
        if let step { return span + ", step \(Format.number(step, decimals: 3))" }
        if let periodStep { return span + " (period step \(Format.number(periodStep, decimals: 3)) µs)" }
        return span
    }
}
