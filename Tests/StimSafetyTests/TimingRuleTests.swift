import Testing

@testable import StimSafety

/// `timing.period`: a pulse and its recovery fit the period; a burst's pulses fit the intra-burst
/// period and the burst with its single passive recovery fits the burst period. Equal fits.
@Suite("Timing rule")
struct TimingRuleTests {
    static let recovery500 = DeviceLimits.tonic16.with { $0.passiveRecoveryMin = us("500") }
    static let recovery10ms = DeviceLimits.tonic16.with { $0.passiveRecoveryMin = us("10000") }

    static let tonicRows: [RuleCase] = [
        RuleCase("990 + 20 + 990 µs active in a 2000 µs period", tonic("1", "990", at: "500"), .timingPeriod, nil),
        RuleCase(
            "1000 + 20 + 1000 µs active in a 2000 µs period", tonic("1", "1000", at: "500"), .timingPeriod,
            .error),
        RuleCase("990 + 20 + 990 µs active at 501 Hz", tonic("1", "990", at: "501"), .timingPeriod, .error),
        RuleCase("300 µs active at 50 Hz", tonic("1", "300", at: "50"), .timingPeriod, nil),
        RuleCase(
            "990 µs active in a 2000 µs period given as a period",
            StimProgram(amplitude: mA("1"), pulseWidth: us("990"), rate: .period(us("2000")), contacts: bipolar),
            .timingPeriod, nil),
        RuleCase(
            "1000 µs active in a 2000 µs period given as a period",
            StimProgram(amplitude: mA("1"), pulseWidth: us("1000"), rate: .period(us("2000")), contacts: bipolar),
            .timingPeriod, .error),
        RuleCase(
            "240 + 40 + 3 × 240 µs passive in a 1000 µs period",
            tonic("1", "240", at: "1000", recovery: .passive, interphaseGap: "40"), .timingPeriod, nil),
        RuleCase(
            "250 + 40 + 3 × 250 µs passive in a 1000 µs period",
            tonic("1", "250", at: "1000", recovery: .passive, interphaseGap: "40"), .timingPeriod, .error),
        RuleCase(
            "250 + 40 + 250 µs active in a 1000 µs period",
            tonic("1", "250", at: "1000", interphaseGap: "40"), .timingPeriod, nil),
        RuleCase(
            "480 + 20 + 500 µs minimum passive recovery in a 1000 µs period", device: recovery500,
            tonic("1", "480", at: "1000", recovery: .passive), .timingPeriod, nil),
        RuleCase(
            "490 + 20 + 500 µs minimum passive recovery in a 1000 µs period", device: recovery500,
            tonic("1", "490", at: "1000", recovery: .passive), .timingPeriod, .error),
        RuleCase("40 + 20 + 40 µs at 10 kHz", highFrequency("1", "40", at: "10000"), .timingPeriod, nil),
        RuleCase("50 + 20 + 50 µs at 10 kHz", highFrequency("1", "50", at: "10000"), .timingPeriod, .error),
        RuleCase("30 + 20 + 30 µs at 10 kHz", highFrequency("1", "30", at: "10000"), .timingPeriod, nil),
    ]

    static let burstRows: [RuleCase] = [
        RuleCase(
            "490 + 20 + 490 µs active in a 1000 µs intra-burst period",
            burst("1", "490", at: "40", pulses: 2, intraBurst: "1000", recovery: .active), .timingPeriod, nil),
        RuleCase(
            "500 + 20 + 500 µs active in a 1000 µs intra-burst period",
            burst("1", "500", at: "40", pulses: 2, intraBurst: "1000", recovery: .active), .timingPeriod, .error),
        RuleCase(
            "980 + 20 µs passive in a 1000 µs intra-burst period",
            burst("1", "980", at: "40", pulses: 2, intraBurst: "1000"), .timingPeriod, nil),
        RuleCase(
            "990 + 20 µs passive in a 1000 µs intra-burst period",
            burst("1", "990", at: "40", pulses: 2, intraBurst: "1000"), .timingPeriod, .error),
        RuleCase(
            "6 × 4000 µs + 1000 µs active recovery in a 25 ms burst period",
            burst("1", "1000", at: "40", pulses: 6, intraBurst: "250", recovery: .active), .timingPeriod, nil),
        RuleCase(
            "6 × 4000 µs + 1000 µs active recovery at 41 Hz",
            burst("1", "1000", at: "41", pulses: 6, intraBurst: "250", recovery: .active), .timingPeriod, .error),
        RuleCase(
            "5 × 2000 µs + a 10 ms passive recovery in a 20 ms burst period", device: recovery10ms,
            burst("1", "300", at: "50", pulses: 5, intraBurst: "500"), .timingPeriod, nil),
        RuleCase(
            "6 × 2000 µs + a 10 ms passive recovery in a 20 ms burst period", device: recovery10ms,
            burst("1", "300", at: "50", pulses: 6, intraBurst: "500"), .timingPeriod, .error),
        RuleCase(
            "BurstDR nominal: 5 × 2000 µs + 3 × 1000 µs in 25 ms",
            burst("0.6", "1000", at: "40", pulses: 5, intraBurst: "500"), .timingPeriod, nil),
        RuleCase(
            "7 × 4000 µs at 40 Hz, whatever the recovery",
            burst("1", "20", at: "40", pulses: 7, intraBurst: "250"), .timingPeriod, .error),
        RuleCase(
            "a burst without a pulse count skips the timing it needs",
            burst("1", "1000", at: "60", pulses: nil, intraBurst: "1000"), .timingPeriod, nil),
    ]

    @Test("A tonic or high-frequency pulse with its recovery fits its period; equal fits", arguments: tonicRows)
    func tonicTiming(_ row: RuleCase) { row.verify() }

    @Test(
        "Each burst pulse fits the intra-burst period and the burst with one recovery fits the burst period",
        arguments: burstRows)
    func burstTiming(_ row: RuleCase) { row.verify() }

    @Test("A passive recovery comes once after the burst, not after each pulse")
    func passiveRecoveryComesOncePerBurst() throws {
        // Per pulse, 300 + 20 + 10 000 µs would not fit 2000 µs; after the burst it does fit 20 ms.
        let program = burst("1", "300", at: "50", pulses: 5, intraBurst: "500")
        #expect(Self.recovery10ms.validate(program).findings(for: .timingPeriod).isEmpty)
        var active = program
        active.recovery = .active
        #expect(Self.recovery10ms.validate(active).findings(for: .timingPeriod).isEmpty)
    }

    @Test("A timing finding says which period did not fit, with both durations in µs")
    func timingFindingsNameTheirPeriod() throws {
        let limits = DeviceLimits.tonic16
        let perPulse = try #require(
            limits.validate(burst("1", "500", at: "40", pulses: 2, intraBurst: "1000", recovery: .active))
                .findings(for: .timingPeriod).first)
        #expect(perPulse.reason == .pulseLongerThanIntraBurstPeriod)
        #expect(perPulse.value == 1020)
        #expect(perPulse.limit == 1000)
        let perBurst = try #require(
            Self.recovery10ms.validate(burst("1", "300", at: "50", pulses: 6, intraBurst: "500"))
                .findings(for: .timingPeriod).first)
        #expect(perBurst.reason == .burstLongerThanPeriod)
        #expect(perBurst.value == 22_000)
        #expect(perBurst.limit == 20_000)
        let tonicFinding = try #require(
            limits.validate(tonic("1", "1000", at: "500")).findings(for: .timingPeriod).first)
        #expect(tonicFinding.reason == .pulseLongerThanPeriod)
        #expect(tonicFinding.value == 2020)
        #expect(tonicFinding.limit == 2000)
    }

    @Test("The program's own interphase gap replaces the device default")
    func programGapReplacesDefault() {
        let limits = DeviceLimits.tonic16
        #expect(limits.validate(tonic("1", "990", at: "500", interphaseGap: "20")).findings(for: .timingPeriod).isEmpty)
        #expect(
            limits.validate(tonic("1", "990", at: "500", interphaseGap: "20.001")).severity(of: .timingPeriod)
                == .error)
        #expect(limits.validate(tonic("1", "995", at: "500", interphaseGap: "10")).findings(for: .timingPeriod).isEmpty)
    }
}
