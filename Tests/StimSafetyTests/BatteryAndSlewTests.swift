import Testing

@testable import StimSafety

/// `battery` (recharge interval or longevity, model of §3) and the stateful `amplitude.slew`.
@Suite("Battery and slew rules")
struct BatteryAndSlewTests {
    /// Constants chosen so the model is exact: V_H is always 12 V = V_batt, η 1, no quiescent current,
    /// so the battery current is the stimulation current. 5 mA, 100 µs, 1000 Hz active draws 1000 µA.
    static let exactModel = BatteryModel(
        kind: .rechargeable, capacity: 48, usableFraction: 0.5, quiescentCurrent: 0, efficiency: 1,
        cellVoltage: 12, minimumStimVoltage: 12)
    /// 48 mAh × 0.5 / 1000 µA = 24 h: exactly one day at 5 mA.
    static let oneDay = DeviceLimits.tonic16.with { $0.battery = exactModel }
    /// 8766 mAh / 1000 µA = 8766 h: exactly one year at 5 mA, the minimum.
    static let oneYear = DeviceLimits.tonic16.with {
        $0.battery = BatteryModel(
            kind: .primary, capacity: 8766, quiescentCurrent: 0, efficiency: 1, cellVoltage: 12,
            minimumStimVoltage: 12, minimumLongevityYears: 1)
    }
    static let primaryWithoutMinimum = oneYear.with { $0.battery.minimumLongevityYears = nil }
    static let noSlewLimit = DeviceLimits.tonic16.with { $0.amplitudeSlewMax = nil }

    static let battery: [RuleCase] = [
        RuleCase(
            "a recharge interval of exactly one day", device: oneDay, tonic("5", "100", at: "1000"), .battery,
            nil),
        RuleCase(
            "a recharge interval just under one day", device: oneDay, tonic("5.1", "100", at: "1000"), .battery,
            .warning),
        RuleCase("a recharge interval of 2.5 days", device: oneDay, tonic("2", "100", at: "1000"), .battery, nil),
        RuleCase(
            "a longevity of exactly the one-year minimum", device: oneYear, tonic("5", "100", at: "1000"),
            .battery, nil),
        RuleCase(
            "a longevity just under the minimum", device: oneYear, tonic("5.1", "100", at: "1000"), .battery,
            .warning),
        RuleCase(
            "a primary cell without a minimum", device: primaryWithoutMinimum, tonic("25", "100", at: "1000"),
            .battery, nil),
        RuleCase(
            "12 mA at 40 µs and 10 kHz on the tonic-16", highFrequency("12", "40", at: "10000"), .battery,
            .warning),
        RuleCase("10 kHz, 2.5 mA, 30 µs on the tonic-16", highFrequency("2.5", "30", at: "10000"), .battery, nil),
    ]

    static let slew: [RuleCase] = [
        RuleCase(
            "from 2 to 3 mA with a 1 mA limit", tonic("3"), context: ValidationContext(runningAmplitude: mA("2")),
            .amplitudeSlew, nil),
        RuleCase(
            "from 2 to 3.1 mA with a 1 mA limit", tonic("3.1"),
            context: ValidationContext(runningAmplitude: mA("2")), .amplitudeSlew, .warning),
        RuleCase(
            "from 2 to 2.5 mA", tonic("2.5"), context: ValidationContext(runningAmplitude: mA("2")),
            .amplitudeSlew, nil),
        RuleCase(
            "from 8 down to 0.5 mA", tonic("0.5"), context: ValidationContext(runningAmplitude: mA("8")),
            .amplitudeSlew, nil),
        RuleCase("to 6 mA without a running amplitude", tonic("6"), .amplitudeSlew, nil),
        RuleCase(
            "from 0 to 6 mA on a device without a slew limit", device: noSlewLimit, tonic("6"),
            context: ValidationContext(runningAmplitude: mA("0")), .amplitudeSlew, nil),
    ]

    @Test(
        "The battery rule warns under one day between recharges or under the minimum longevity",
        arguments: battery)
    func batteryRule(_ row: RuleCase) { row.verify() }

    @Test(
        "An increase of more than the slew limit warns, and only where the running amplitude is known",
        arguments: slew)
    func slewRule(_ row: RuleCase) { row.verify() }

    @Test("The exact battery model gives one day and one year at its bounds")
    func exactModelFigures() {
        let day = Self.oneDay.validate(tonic("5", "100", at: "1000")).metrics
        #expect(day.stimulationCurrent == 1000)
        #expect(day.batteryCurrent == 1000)
        #expect(day.rechargeIntervalDays == 1)
        #expect(day.longevityYears == nil)
        let year = Self.oneYear.validate(tonic("5", "100", at: "1000")).metrics
        #expect(year.longevityYears == 1)
        #expect(year.rechargeIntervalDays == nil)
    }

    @Test("A battery finding carries the estimate and the limit")
    func batteryFindingCarriesNumbers() throws {
        let finding = try #require(
            Self.oneYear.validate(tonic("5.1", "100", at: "1000")).findings(for: .battery).first)
        #expect(finding.reason == .shortLongevity)
        #expect(finding.limit == 1)
        #expect(rounded(finding.value, places: 4) == rounded(1 / 1.02, places: 4))
    }

    @Test("A slew finding carries the increase and the limit")
    func slewFindingCarriesNumbers() throws {
        let finding = try #require(
            DeviceLimits.tonic16.validate(tonic("4.5"), context: ValidationContext(runningAmplitude: mA("1")))
                .findings(for: .amplitudeSlew).first)
        #expect(finding.value == 3.5)
        #expect(finding.limit == 1)
    }
}
