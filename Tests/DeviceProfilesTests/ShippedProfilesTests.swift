import DeviceProfiles
import Foundation
import StimSafety
import Testing

@Suite("The shipped device profiles")
struct ShippedProfilesTests {
    static let shippedIDs = [
        "burst-16-primary", "drg-4x4", "hf10k-16", "paddle-32", "percept-pc", "research-ins-16", "tonic-16",
    ]

    @Test("The Devices folder holds exactly the six specified profiles and the Percept import's, sorted by id")
    func catalogHoldsTheShippedProfiles() throws {
        let catalog = try TestPaths.shippedCatalog()
        #expect(catalog.ids == Self.shippedIDs)
    }

    @Test("Every shipped profile loads on its own and names its file", arguments: shippedIDs)
    func everyProfileLoads(id: String) throws {
        let url = TestPaths.repositoryDevices.appendingPathComponent("\(id).yaml")
        let profile = try DeviceProfile(contentsOf: url)
        #expect(profile.id == id)
        #expect(profile.sourcePath.hasSuffix("Devices/\(id).yaml"))
        #expect(profile.output == .current)
        #expect(profile.usb?.vendorId == 0x1209)
    }

    @Test("Every shipped profile has its own USB product id in 0x5C50...0x5C56")
    func productIDsAreDistinct() throws {
        let products = try TestPaths.shippedCatalog().profiles.compactMap { $0.usb?.productId }
        #expect(Set(products) == Set(0x5C50...0x5C56))
    }

    @Test("Every number in a shipped profile carries a comment naming its source", arguments: shippedIDs)
    func everyNumberIsSourced(id: String) throws {
        let text = try String(
            contentsOf: TestPaths.repositoryDevices.appendingPathComponent("\(id).yaml"), encoding: .utf8)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let parts = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts[0]
            guard let colon = value.firstIndex(of: ":") else { continue }
            let rest = value[value.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let holdsNumber = rest.first.map { $0.isNumber || $0 == "-" || $0 == "[" } ?? false
            guard holdsNumber else { continue }
            let comment = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            let sourced = comment.contains("§") || comment.contains("assumed") || comment.contains("safety-rules")
            #expect(sourced, "line \(index + 1) of \(id).yaml has a number without a source: \(line)")
        }
    }

    @Test("tonic-16 is the device of the worked examples in safety-rules.md §4")
    func tonicIsTheWorkedExampleDevice() throws {
        let limits = try TestPaths.shippedCatalog().profile(id: "tonic-16").limits
        #expect(limits.amplitude == Grid(min: try mA("0"), max: try mA("25.5"), step: try mA("0.1")))
        #expect(limits.pulseWidth == Grid(min: try us("20"), max: try us("1000"), step: try us("10")))
        #expect(limits.waveforms.tonic == .frequency(Grid(min: try hz("2"), max: try hz("1200"), step: try hz("1"))))
        #expect(limits.waveforms.burst == nil && limits.waveforms.highFrequency == nil)
        #expect(limits.interphaseGap == (try us("20")))
        #expect(limits.passiveRecoveryMin == nil)
        #expect(limits.currentPerContactMax == (try mA("12.7")))
        #expect(limits.complianceVoltage == Millivolts(units: 12))
        #expect(limits.headroom == Millivolts(units: 1))
        #expect(limits.impedance.nominal == Milliohms(units: 800))
        #expect(limits.impedance.short == Milliohms(units: 250))
        #expect(limits.impedance.open == Milliohms(units: 4000))
        #expect(limits.chargeDensity.warn == ChargeDensity(units: 30))
        #expect(limits.chargeDensity.reject == nil)
        #expect(limits.shannon.warn == 1.5 && limits.shannon.reject == 1.85)
        #expect(limits.leads.map(\.contacts) == [Array(1...8), Array(9...16)])
        #expect(limits.leads.allSatisfy { $0.area == (try? SquareMicrometers(parsing: "12.25")) })
        #expect(limits.caseElectrode)
        #expect(limits.battery.kind == .rechargeable)
        #expect(limits.battery.capacity == 300)
    }

    struct WorkedExample: Sendable, CustomTestStringConvertible {
        var name: String
        var amplitude: String
        var pulseWidth: String
        var frequency: String
        var contact1Ohms: String?
        var verdict: Verdict
        var rules: [String]
        var testDescription: String { name }
    }

    static let workedExamples = [
        WorkedExample(
            name: "5 mA, 300 µs, 50 Hz is accepted", amplitude: "5", pulseWidth: "300", frequency: "50",
            verdict: .accepted, rules: []),
        WorkedExample(
            name: "10 mA, 500 µs, 50 Hz is rejected by shannon and warns on chargeDensity", amplitude: "10",
            pulseWidth: "500", frequency: "50", verdict: .rejected, rules: ["chargeDensity", "shannon"]),
        WorkedExample(
            name: "7 mA, 300 µs warns on shannon", amplitude: "7", pulseWidth: "300", frequency: "50",
            verdict: .acceptedWithWarnings, rules: ["shannon"]),
        WorkedExample(
            name: "12 mA, 300 µs at 1000 Ω is rejected by shannon and compliance", amplitude: "12",
            pulseWidth: "300", frequency: "50", contact1Ohms: "1000", verdict: .rejected,
            rules: ["compliance", "shannon"]),
        WorkedExample(
            name: "1 mA, 1000 µs, 600 Hz with active recovery is rejected by timing", amplitude: "1",
            pulseWidth: "1000", frequency: "600", verdict: .rejected, rules: ["timing.period"]),
    ]

    @Test("tonic-16 gives the verdicts of the §4 worked examples", arguments: workedExamples)
    func tonicGivesTheWorkedVerdicts(example: WorkedExample) throws {
        let limits = try TestPaths.shippedCatalog().profile(id: "tonic-16").limits
        let program = StimProgram(
            amplitude: try mA(example.amplitude), pulseWidth: try us(example.pulseWidth),
            rate: .frequency(try hz(example.frequency)), contacts: bipole(.lead(1), .lead(2)), recovery: .active)
        var context = ValidationContext()
        if let ohms = example.contact1Ohms {
            context.impedances = MeasuredImpedances([.lead(1): try Milliohms(parsing: ohms)])
        }
        let validation = limits.validate(program, context: context)
        #expect(validation.verdict == example.verdict)
        #expect(validation.ruleIDs.map(\.name) == example.rules)
    }
}
