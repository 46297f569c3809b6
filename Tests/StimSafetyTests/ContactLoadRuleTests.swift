import Testing

@testable import StimSafety

/// `current.contact`, `chargeDensity` and `shannon`, per active lead contact, anodes included.
@Suite("Per-contact current, charge density and Shannon rules")
struct ContactLoadRuleTests {
    static let quad = contacts(["1": "-50", "2": "-50", "3": "50", "4": "50"])
    /// Amplitude in 0.01 mA steps, so that 12.25 mA (30 µC/cm² at 300 µs on 12.25 mm²) is settable.
    static let fineAmplitude = DeviceLimits.tonic16.with {
        $0.amplitude = Grid(min: mA("0"), max: mA("25.5"), step: mA("0.01"))
    }
    /// Charge density warns above 30 and rejects above 40 µC/cm².
    static let densityReject = DeviceLimits.tonic16.with {
        $0.chargeDensity = ChargeDensityLimits(warn: microcoulombsPerCm2("30"), reject: microcoulombsPerCm2("40"))
    }
    /// Shannon k warns above exactly 2 (Q²/A ≤ 100), which 10 mA at 350 µs on 12.25 mm² meets exactly.
    static let shannonWarnTwo = DeviceLimits.tonic16.with { $0.shannon = ShannonLimits(warn: 2, reject: nil) }
    /// Shannon k rejects above exactly 2.
    static let shannonRejectTwo = DeviceLimits.tonic16.with { $0.shannon = ShannonLimits(warn: 1.5, reject: 2) }

    static let current: [RuleCase] = [
        RuleCase("12.7 mA on one contact, the maximum", tonic("12.7", "20"), .currentContact, nil),
        RuleCase(
            "12.8 mA on one contact", tonic("12.8", "20"), .currentContact, .error,
            contacts: [.lead(1), .lead(2)]),
        RuleCase("5 mA on one contact", tonic("5", "20"), .currentContact, nil),
        RuleCase("25.4 mA over four contacts at 50 %", tonic("25.4", "20", contacts: quad), .currentContact, nil),
        RuleCase(
            "25.5 mA over four contacts at 50 %", tonic("25.5", "20", contacts: quad), .currentContact, .error,
            contacts: [.lead(1), .lead(2), .lead(3), .lead(4)]),
        RuleCase(
            "12.8 mA split 60/40 over the cathodes into one anode",
            tonic("12.8", "20", contacts: contacts(["1": "-60", "2": "-40", "3": "100"])), .currentContact,
            .error, contacts: [.lead(3)]),
        RuleCase(
            "25.4 mA into the case, which is exempt",
            tonic("25.4", "20", contacts: contacts(["1": "-50", "2": "-50", "case": "100"])), .currentContact,
            nil),
    ]

    static let density: [RuleCase] = [
        RuleCase(
            "12.25 mA at 300 µs, exactly 30 µC/cm²", device: fineAmplitude, tonic("12.25", "300"),
            .chargeDensity, nil),
        RuleCase(
            "12.26 mA at 300 µs", device: fineAmplitude, tonic("12.26", "300"), .chargeDensity, .warning,
            contacts: [.lead(1), .lead(2)]),
        RuleCase("8 mA at 300 µs", device: fineAmplitude, tonic("8", "300"), .chargeDensity, nil),
        RuleCase(
            "12.25 mA split over two cathodes, one anode at the bound", device: fineAmplitude,
            tonic("12.25", "300", contacts: contacts(["1": "-50", "2": "-50", "3": "100"])), .chargeDensity, nil),
        RuleCase(
            "12.26 mA split over two cathodes, the anode over", device: fineAmplitude,
            tonic("12.26", "300", contacts: contacts(["1": "-50", "2": "-50", "3": "100"])), .chargeDensity,
            .warning, contacts: [.lead(3)]),
        RuleCase(
            "7.5 mA at 490 µs, exactly the 30 warn limit", device: densityReject, tonic("7.5", "490"),
            .chargeDensity, nil),
        RuleCase(
            "7.6 mA at 490 µs, over the warn limit", device: densityReject, tonic("7.6", "490"),
            .chargeDensity, .warning),
        RuleCase(
            "10 mA at 490 µs, exactly the 40 reject limit", device: densityReject, tonic("10", "490"),
            .chargeDensity, .warning),
        RuleCase(
            "10.1 mA at 490 µs, over the reject limit", device: densityReject, tonic("10.1", "490"),
            .chargeDensity, .error, contacts: [.lead(1), .lead(2)]),
        RuleCase(
            "25 mA into the case at 1000 µs, which is exempt",
            tonic(
                "25", "1000", at: "2",
                contacts: contacts([
                    "1": "-10", "2": "-10", "3": "-10", "4": "-10",
                    "5": "-10", "6": "-10", "7": "-10", "8": "-10",
                    "9": "-10", "10": "-10", "case": "100",
                ])),
            .chargeDensity, nil),
    ]

    static let shannon: [RuleCase] = [
        RuleCase("6.5 mA at 300 µs, k 1.49", tonic("6.5", "300"), .shannon, nil),
        RuleCase("6.6 mA at 300 µs, k 1.51", tonic("6.6", "300"), .shannon, .warning, contacts: [.lead(1), .lead(2)]),
        RuleCase("9.8 mA at 300 µs, k 1.849", tonic("9.8", "300"), .shannon, .warning),
        RuleCase("9.9 mA at 300 µs, k 1.857", tonic("9.9", "300"), .shannon, .error, contacts: [.lead(1), .lead(2)]),
        RuleCase("3 mA at 300 µs, well inside", tonic("3", "300"), .shannon, nil),
        RuleCase("0 mA carries no charge", tonic("0", "1000", at: "2"), .shannon, nil),
        RuleCase(
            "10 mA at 350 µs, k exactly 2 on a warn-at-2 device", device: shannonWarnTwo, tonic("10", "350"),
            .shannon, nil),
        RuleCase(
            "10.1 mA at 350 µs on a warn-at-2 device", device: shannonWarnTwo, tonic("10.1", "350"), .shannon,
            .warning),
        RuleCase(
            "25 mA at 1000 µs on a device without a reject k", device: shannonWarnTwo,
            tonic("25", "1000", at: "2", contacts: contacts(["1": "-50", "2": "-50", "3": "50", "4": "50"])),
            .shannon, .warning),
        RuleCase(
            "10 mA at 350 µs, k exactly 2 on a reject-at-2 device", device: shannonRejectTwo,
            tonic("10", "350"), .shannon, .warning),
        RuleCase(
            "10.1 mA at 350 µs on a reject-at-2 device", device: shannonRejectTwo, tonic("10.1", "350"),
            .shannon, .error),
        RuleCase(
            "7 mA on the cathode, 3.5 mA on each of two anodes",
            tonic("7", "300", contacts: contacts(["1": "-100", "2": "50", "3": "50"])), .shannon, .warning,
            contacts: [.lead(1)]),
        RuleCase(
            "7 mA on the anode, 3.5 mA on each of two cathodes",
            tonic("7", "300", contacts: contacts(["1": "-50", "2": "-50", "3": "100"])), .shannon, .warning,
            contacts: [.lead(3)]),
        RuleCase(
            "12 mA at 500 µs into the case, which is exempt",
            tonic(
                "12", "500",
                contacts: contacts([
                    "1": "-25", "2": "-25", "3": "-25", "4": "-25",
                    "case": "100",
                ])), .shannon, nil),
    ]

    @Test("Each active contact carries at most the per-contact maximum; the case is exempt", arguments: current)
    func currentRule(_ row: RuleCase) { row.verify() }

    @Test(
        "Charge density warns above the warn limit and rejects above the reject limit; equal passes",
        arguments: density)
    func densityRule(_ row: RuleCase) { row.verify() }

    @Test("Shannon k warns above the warn k and rejects above the reject k, per lead contact", arguments: shannon)
    func shannonRule(_ row: RuleCase) { row.verify() }

    @Test("The density bound is found exactly: 30 µC/cm² × 12.25 mm² over 300 µs is 12.25 mA")
    func densityBoundIsExact() throws {
        let limits = Self.fineAmplitude
        let at = limits.validate(tonic("12.25", "300"))
        #expect(at.findings(for: .chargeDensity).isEmpty)
        #expect(rounded(at.metrics.maxChargeDensity, places: 9) == 30)
        // One nanoamp more is over, though no binary comparison of 30.0000001 with 30 would be trusted.
        var over = tonic("12.25", "300")
        over.amplitude = Nanoamps(rawValue: over.amplitude.rawValue + 1)
        #expect(limits.validate(over).severity(of: .chargeDensity) == .warning)
    }

    @Test("A density finding carries the density and the limit")
    func densityFindingCarriesNumbers() throws {
        let finding = try #require(
            DeviceLimits.tonic16.validate(tonic("10", "500")).findings(for: .chargeDensity).first)
        #expect(rounded(finding.value, places: 2) == 40.82)
        #expect(finding.limit == 30)
        #expect(finding.reason == .aboveWarnLimit)
    }

    @Test("A Shannon finding carries k and the k limit it broke")
    func shannonFindingCarriesNumbers() throws {
        let finding = try #require(
            DeviceLimits.tonic16.validate(tonic("10", "500")).findings(for: .shannon).first)
        #expect(rounded(finding.value, places: 2) == 2.31)
        #expect(finding.limit == 1.85)
        #expect(finding.reason == .aboveRejectLimit)
    }
}
