import Testing

@testable import StimSafety

/// `amplitude.*`, `pulseWidth.*`, `frequency.*`, `waveform.supported` and `burst.range`: ranges are
/// inclusive and grids are exact, with nothing rounded first.
@Suite("Range and grid rules")
struct GridRuleTests {
    static let amplitude: [RuleCase] = [
        RuleCase("0 mA, the minimum", tonic("0"), .amplitudeRange, nil),
        RuleCase("25.5 mA, the maximum", tonic("25.5"), .amplitudeRange, nil),
        RuleCase("25.6 mA, one step above", tonic("25.6"), .amplitudeRange, .error),
        RuleCase("-0.1 mA, one step below", tonic("-0.1"), .amplitudeRange, .error),
        RuleCase("5 mA, well inside", tonic("5"), .amplitudeRange, nil),
        RuleCase("4.5 mA on the 0.1 mA grid", tonic("4.5"), .amplitudeStep, nil),
        RuleCase("4.5004 mA, off the grid by 0.4 µA", tonic("4.5004"), .amplitudeStep, .error),
        RuleCase("4.500001 mA, off the grid by 1 nA", tonic("4.500001"), .amplitudeStep, .error),
        RuleCase("4.55 mA, half a step", tonic("4.55"), .amplitudeStep, .error),
        RuleCase("25.5 mA on the grid's last value", tonic("25.5"), .amplitudeStep, nil),
    ]

    static let piecewise: [RuleCase] = [
        RuleCase("1.975 mA, a 0.025 step below 2", device: .piecewise, tonic("1.975", "100"), .amplitudeStep, nil),
        RuleCase("2.0 mA, where the pieces meet", device: .piecewise, tonic("2.0", "100"), .amplitudeStep, nil),
        RuleCase("2.05 mA, a 0.05 step above 2", device: .piecewise, tonic("2.05", "100"), .amplitudeStep, nil),
        RuleCase("2.025 mA, a 0.025 step above 2", device: .piecewise, tonic("2.025", "100"), .amplitudeStep, .error),
        RuleCase("0.025 mA, the first step", device: .piecewise, tonic("0.025", "100"), .amplitudeStep, nil),
        RuleCase("1.99 mA, between two steps", device: .piecewise, tonic("1.99", "100"), .amplitudeStep, .error),
        RuleCase("6 mA, the maximum", device: .piecewise, tonic("6", "100"), .amplitudeRange, nil),
        RuleCase("6.05 mA, one step above", device: .piecewise, tonic("6.05", "100"), .amplitudeRange, .error),
        RuleCase("6.05 mA is still on a 0.05 step", device: .piecewise, tonic("6.05", "100"), .amplitudeStep, nil),
    ]

    static let pulseWidth: [RuleCase] = [
        RuleCase("20 µs, the minimum", tonic("1", "20"), .pulseWidthRange, nil),
        RuleCase("10 µs, one step below", tonic("1", "10"), .pulseWidthRange, .error),
        RuleCase("1000 µs, the maximum", tonic("1", "1000", at: "2"), .pulseWidthRange, nil),
        RuleCase("1010 µs, one step above", tonic("1", "1010", at: "2"), .pulseWidthRange, .error),
        RuleCase("300 µs, well inside", tonic("1", "300"), .pulseWidthRange, nil),
        RuleCase("130 µs on the grid", tonic("1", "130"), .pulseWidthStep, nil),
        RuleCase("130.3 µs off the grid", tonic("1", "130.3"), .pulseWidthStep, .error),
        RuleCase("135 µs, half a step", tonic("1", "135"), .pulseWidthStep, .error),
        RuleCase("10 µs below the range is still on a step", tonic("1", "10"), .pulseWidthStep, nil),
    ]

    static let frequency: [RuleCase] = [
        RuleCase("2 Hz, the tonic minimum", tonic("1", "300", at: "2"), .frequencyRange, nil),
        RuleCase("1 Hz, one step below", tonic("1", "300", at: "1"), .frequencyRange, .error),
        RuleCase("1200 Hz, the tonic maximum", tonic("1", "100", at: "1200"), .frequencyRange, nil),
        RuleCase("1201 Hz, one step above", tonic("1", "100", at: "1201"), .frequencyRange, .error),
        RuleCase("0 Hz", tonic("1", "100", at: "0"), .frequencyRange, .error),
        RuleCase("5 Hz on the grid", tonic("1", "300", at: "5"), .frequencyStep, nil),
        RuleCase("5.5 Hz off the grid", tonic("1", "300", at: "5.5"), .frequencyStep, .error),
        RuleCase("50.001 Hz off the grid", tonic("1", "300", at: "50.001"), .frequencyStep, .error),
        RuleCase("1500 Hz, the high-frequency minimum", highFrequency("1", "30", at: "1500"), .frequencyRange, nil),
        RuleCase(
            "1400 Hz, below the high-frequency range", highFrequency("1", "30", at: "1400"), .frequencyRange,
            .error),
        RuleCase("10 kHz, the high-frequency maximum", highFrequency("1", "30", at: "10000"), .frequencyRange, nil),
        RuleCase("10.1 kHz, one step above", highFrequency("1", "30", at: "10100"), .frequencyRange, .error),
        RuleCase("1550 Hz, off the 100 Hz grid", highFrequency("1", "30", at: "1550"), .frequencyStep, .error),
        RuleCase(
            "60 Hz, the burst-rate maximum", burst("1", "300", at: "60", pulses: 2, intraBurst: "500"),
            .frequencyRange, nil),
        RuleCase(
            "61 Hz, above the burst-rate range", burst("1", "300", at: "61", pulses: 2, intraBurst: "500"),
            .frequencyRange, .error),
        RuleCase(
            "a 2000 µs period is 500 Hz, on the grid",
            StimProgram(amplitude: mA("1"), pulseWidth: us("300"), rate: .period(us("2000")), contacts: bipolar),
            .frequencyStep, nil),
        RuleCase(
            "a 1500 µs period is 666.67 Hz, off the grid",
            StimProgram(amplitude: mA("1"), pulseWidth: us("300"), rate: .period(us("1500")), contacts: bipolar),
            .frequencyStep, .error),
    ]

    static let waveform: [RuleCase] = [
        RuleCase("tonic on a tonic-only device", device: .piecewise, tonic("1", "100"), .waveformSupported, nil),
        RuleCase(
            "burst on a tonic-only device", device: .piecewise,
            burst("1", "100", at: "40", pulses: 5, intraBurst: "500"), .waveformSupported, .error),
        RuleCase(
            "10 kHz on a tonic-only device", device: .piecewise, highFrequency("1", "30", at: "10000"),
            .waveformSupported, .error),
        RuleCase("10 kHz on the tonic-16", highFrequency("1", "30", at: "10000"), .waveformSupported, nil),
    ]

    static let burstRange: [RuleCase] = [
        RuleCase("2 pulses, the minimum", burst("1", "300", at: "40", pulses: 2, intraBurst: "500"), .burstRange, nil),
        RuleCase("7 pulses, the maximum", burst("1", "300", at: "40", pulses: 7, intraBurst: "500"), .burstRange, nil),
        RuleCase("1 pulse", burst("1", "300", at: "40", pulses: 1, intraBurst: "500"), .burstRange, .error),
        RuleCase("8 pulses", burst("1", "300", at: "40", pulses: 8, intraBurst: "500"), .burstRange, .error),
        RuleCase(
            "250 Hz intra-burst, the minimum", burst("1", "300", at: "40", pulses: 5, intraBurst: "250"),
            .burstRange, nil),
        RuleCase(
            "1000 Hz intra-burst, the maximum", burst("1", "300", at: "40", pulses: 5, intraBurst: "1000"),
            .burstRange, nil),
        RuleCase(
            "240 Hz intra-burst", burst("1", "300", at: "40", pulses: 5, intraBurst: "240"), .burstRange,
            .error),
        RuleCase(
            "1010 Hz intra-burst", burst("1", "300", at: "20", pulses: 5, intraBurst: "1010"), .burstRange,
            .error),
        RuleCase(
            "505 Hz intra-burst, off its 10 Hz step", burst("1", "300", at: "40", pulses: 5, intraBurst: "505"),
            .burstRange, .error),
        RuleCase(
            "500.5 Hz intra-burst", burst("1", "300", at: "40", pulses: 5, intraBurst: "500.5"), .burstRange,
            .error),
        RuleCase("no pulse count", burst("1", "300", at: "40", pulses: nil, intraBurst: "500"), .burstRange, .error),
        RuleCase("no intra-burst rate", burst("1", "300", at: "40", pulses: 5, intraBurst: nil), .burstRange, .error),
        RuleCase(
            "the BurstDR nominal 5 pulses at 500 Hz", burst("0.6", "1000", at: "40", pulses: 5, intraBurst: "500"),
            .burstRange, nil),
    ]

    @Test("Amplitude is inclusive at both ends and exact on its 0.1 mA grid", arguments: amplitude)
    func amplitudeRule(_ row: RuleCase) { row.verify() }

    @Test("A piecewise amplitude grid steps by 0.025 mA up to 2 mA and by 0.05 mA above", arguments: piecewise)
    func piecewiseRule(_ row: RuleCase) { row.verify() }

    @Test("Pulse width is inclusive at both ends and exact on its 10 µs grid", arguments: pulseWidth)
    func pulseWidthRule(_ row: RuleCase) { row.verify() }

    @Test("Frequency is checked against the grid of the program's waveform", arguments: frequency)
    func frequencyRule(_ row: RuleCase) { row.verify() }

    @Test("A waveform the device lacks is an error", arguments: waveform)
    func waveformRule(_ row: RuleCase) { row.verify() }

    @Test("Burst pulse count and intra-burst rate must be present, in range and on step", arguments: burstRange)
    func burstRule(_ row: RuleCase) { row.verify() }

    @Test("An amplitude both below the range and off the grid reports both rules")
    func rangeAndStepBothFire() {
        let validation = DeviceLimits.tonic16.validate(tonic("-0.05"))
        #expect(validation.severity(of: .amplitudeRange) == .error)
        #expect(validation.severity(of: .amplitudeStep) == .error)
    }

    @Test("A grid finding carries the value and the limit it broke")
    func gridFindingCarriesNumbers() throws {
        let finding = try #require(DeviceLimits.tonic16.validate(tonic("25.6")).findings(for: .amplitudeRange).first)
        #expect(finding.reason == .aboveMaximum)
        #expect(finding.value == 25.6)
        #expect(finding.limit == 25.5)
        let step = try #require(DeviceLimits.tonic16.validate(tonic("1", "135")).findings(for: .pulseWidthStep).first)
        #expect(step.reason == .offGrid)
        #expect(step.limit == 10)
        #expect(step.message == "pulse width 135 µs is not on the device's 10 µs grid")
    }

    @Test(
        "A value with more decimals than its piece's step and base is finer than the step; one with as few is off the grid",
        arguments: [
            ("tonic16", "4.55555", true, "amplitude 4.55555 mA has more decimals than the device's 0.1 mA step"),
            ("tonic16", "4.55", true, "amplitude 4.55 mA has more decimals than the device's 0.1 mA step"),
            ("tonic16", "4.500001", true, "amplitude 4.500001 mA has more decimals than the device's 0.1 mA step"),
            ("piecewise", "1.99", false, "amplitude 1.99 mA is not on the device's 0.025 mA grid"),
            ("piecewise", "1.9999", true, "amplitude 1.9999 mA has more decimals than the device's 0.025 mA step"),
            ("piecewise", "2.025", true, "amplitude 2.025 mA has more decimals than the device's 0.05 mA step"),
            ("piecewise", "2.07", false, "amplitude 2.07 mA is not on the device's 0.05 mA grid"),
        ])
    func finerThanTheStep(device: String, amplitude: String, isFiner: Bool, message: String) throws {
        let limits: DeviceLimits = device == "piecewise" ? .piecewise : .tonic16
        let finding = try #require(limits.validate(tonic(amplitude, "100")).findings(for: .amplitudeStep).first)
        #expect(finding.reason == (isFiner ? .finerThanStep : .offGrid))
        #expect(finding.message == message)
    }

    @Test("An unsupported waveform still runs timing and battery on the given numbers")
    func unsupportedWaveformStillRunsTheOtherRules() {
        let validation = DeviceLimits.piecewise.validate(highFrequency("1", "60", at: "10000"))
        #expect(validation.severity(of: .waveformSupported) == .error)
        #expect(validation.severity(of: .timingPeriod) == .error)
        #expect(validation.metrics.pulseRate == 10_000)
        #expect(validation.metrics.longevityYears != nil)
    }
}
