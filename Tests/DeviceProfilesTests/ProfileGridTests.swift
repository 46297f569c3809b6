import DeviceProfiles
import StimSafety
import Testing

@Suite("The grids of the shipped profiles")
struct ProfileGridTests {
    @Test(
        "The drg-4x4 amplitude grid steps by 25 µA up to 2 mA and by 50 µA above",
        arguments: [("1.975", true), ("2.0", true), ("2.05", true), ("2.025", false), ("6.0", true), ("6.05", false)])
    func drgAmplitudeGridIsPiecewise(amplitude: String, allowed: Bool) throws {
        let grid = try TestPaths.shippedCatalog().profile(id: "drg-4x4").limits.amplitude
        #expect(grid.allows(try mA(amplitude)) == allowed)
    }

    @Test("The drg-4x4 pulse width and rate grids are those of the Axium manual")
    func drgTimingGrids() throws {
        let limits = try TestPaths.shippedCatalog().profile(id: "drg-4x4").limits
        #expect(limits.pulseWidth == Grid(min: try us("40"), max: try us("720"), step: try us("10")))
        #expect(limits.waveforms.tonic == .frequency(Grid(min: try hz("4"), max: try hz("100"), step: try hz("2"))))
        #expect(limits.leads.count == 4 && limits.leads.allSatisfy { $0.contacts.count == 4 })
    }

    @Test(
        "The research INS quantises its rate as a period in 10 µs steps",
        arguments: [
            (Rate.frequency(Millihertz(units: 100)), true),
            (Rate.frequency(Millihertz(units: 7)), false),
            (Rate.period(Nanoseconds(units: 7680)), true),
            (Rate.period(Nanoseconds(units: 7685)), false),
            (Rate.frequency(Millihertz(units: 1)), false),
        ])
    func researchRateIsAPeriodGrid(rate: Rate, allowed: Bool) throws {
        let profile = try TestPaths.shippedCatalog().profile(id: "research-ins-16")
        let rates = try #require(profile.limits.waveforms.tonic)
        #expect(rates.allows(rate) == allowed)
    }

    @Test("The research INS has 16 program slots, contacts 0 to 15 and the case as an electrode")
    func researchLayout() throws {
        let profile = try TestPaths.shippedCatalog().profile(id: "research-ins-16")
        #expect(profile.programs == 16)
        #expect(profile.limits.leads.flatMap(\.contacts) == Array(0...15))
        #expect(profile.limits.caseElectrode)
        #expect(
            profile.limits.waveforms.tonic
                == .period(
                    min: Millihertz(units: 2), max: Millihertz(units: 250),
                    periodStep: Nanoseconds(units: 10)))
    }

    @Test("burst-16-primary offers tonic and burst with the BurstDR ranges")
    func burstRanges() throws {
        let limits = try TestPaths.shippedCatalog().profile(id: "burst-16-primary").limits
        let burst = try #require(limits.waveforms.burst)
        #expect(burst.burstRate == .frequency(Grid(min: try hz("1"), max: try hz("60"), step: try hz("1"))))
        #expect(burst.pulsesPerBurst == 2...7)
        #expect(burst.intraBurstRate == Grid(min: try hz("250"), max: try hz("1000"), step: try hz("10")))
        #expect(limits.waveforms.tonic != nil)
        #expect(limits.battery.kind == .primary)
        #expect(limits.battery.minimumLongevityYears != nil)
    }

    @Test("hf10k-16 reaches 10 kHz at 30 µs within 0 to 15 mA")
    func highFrequencyRanges() throws {
        let limits = try TestPaths.shippedCatalog().profile(id: "hf10k-16").limits
        let rates = try #require(limits.waveforms.highFrequency)
        #expect(rates.allows(.frequency(Millihertz(units: 10_000))))
        #expect(limits.pulseWidth.allows(try us("30")))
        #expect(limits.amplitude.max == (try mA("15")))
        #expect(limits.battery.kind == .rechargeable)
    }

    @Test("paddle-32 has 32 contacts of 6 mm²")
    func paddleLayout() throws {
        let limits = try TestPaths.shippedCatalog().profile(id: "paddle-32").limits
        #expect(limits.leads.flatMap(\.contacts).sorted() == Array(1...32))
        #expect(limits.leads.allSatisfy { $0.area == SquareMicrometers(units: 6) })
    }
}
