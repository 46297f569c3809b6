import Testing

@testable import StimSafety

/// One scenario row of `domain-reference.md` §4.3, whose figures the §3 model reproduces; each figure
/// is written as the table prints it and compared at the precision printed.
struct BatteryScenario: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var program: StimProgram
    var impedances: MeasuredImpedances
    /// I_stim (µA), V_H (V), I_batt ("97.5 µA" or "1.31 mA"), mAh/day, days per 100 mAh, years on 3 Ah.
    var printed: (stimulation: String, supply: String, battery: String, perDay: String, days: String, years: String)

    static let rows: [BatteryScenario] = [
        BatteryScenario(
            testDescription: "Tonic 4 mA, 300 µs, 50 Hz, 800 Ω, passive",
            program: tonic("4", "300", at: "50", recovery: .passive), impedances: .none,
            printed: ("60", "4.2", "97.5 µA", "2.34", "43", "3.5")),
        BatteryScenario(
            testDescription: "Tonic 6 mA, 450 µs, 60 Hz, 1000 Ω, passive",
            program: tonic("6", "450", at: "60", recovery: .passive), impedances: measured(["1": "1000", "2": "1000"]),
            printed: ("162", "7.0", "404 µA", "9.69", "10", "0.85")),
        BatteryScenario(
            testDescription: "10 kHz, 2.5 mA, 30 µs, 600 Ω, symmetric active",
            program: highFrequency("2.5", "30", at: "10000"), impedances: measured(["1": "600", "2": "600"]),
            printed: ("1500", "2.5", "1.31 mA", "31.5", "3.2", "0.26")),
        BatteryScenario(
            testDescription: "BurstDR nominal, 25 % dosing, passive",
            program: burst(
                "0.6", "1000", at: "40", pulses: 5, intraBurst: "500",
                cycling: Cycling(on: seconds("30"), off: seconds("90"))),
            impedances: measured(["1": "525", "2": "525"]), printed: ("30", "2.5", "36 µA", "0.87", "116", "9.5")),
    ]
}

/// Whether `value` rounds to `text` at the number of decimals `text` is printed with.
func matchesPrinted(_ value: Double?, _ text: String) -> Bool {
    guard let value, let printed = Double(text) else { return false }
    let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
    return rounded(value, places: decimals) == printed
}

@Suite("Metrics")
struct MetricsTests {
    /// The tonic-16 with a 3 Ah primary cell, as the scenario table's last column assumes.
    static let threeAmpHours = DeviceLimits.tonic16.with { $0.battery = BatteryModel(kind: .primary, capacity: 3000) }

    @Test("The battery model reproduces the scenario rows of domain-reference §4.3", arguments: BatteryScenario.rows)
    func scenarioRow(_ row: BatteryScenario) throws {
        let validation = Self.threeAmpHours.validate(
            row.program, context: ValidationContext(impedances: row.impedances))
        #expect(validation.verdict != .rejected, "\(validation.outline)")
        let metrics = validation.metrics
        let battery = try #require(metrics.batteryCurrent)
        let batteryText = row.printed.battery.split(separator: " ")
        let batteryShown = batteryText.last == "mA" ? battery / 1000 : battery
        #expect(matchesPrinted(metrics.stimulationCurrent, row.printed.stimulation))
        #expect(matchesPrinted(max(2.5, metrics.maxRequiredVoltage), row.printed.supply))
        #expect(matchesPrinted(batteryShown, String(batteryText[0])))
        #expect(matchesPrinted(battery * 24 / 1000, row.printed.perDay))
        #expect(matchesPrinted(100_000 / battery / 24, row.printed.days))
        #expect(matchesPrinted(metrics.longevityYears, row.printed.years))
    }

    @Test("The pulse rate is the frequency, times the pulses of a burst, times the cycling duty")
    func pulseRate() {
        let limits = DeviceLimits.tonic16
        let cycling = Cycling(on: seconds("30"), off: seconds("90"))
        #expect(limits.validate(tonic("1", "300", at: "50")).metrics.pulseRate == 50)
        #expect(limits.validate(highFrequency("1", "30", at: "10000")).metrics.pulseRate == 10_000)
        #expect(limits.validate(burst("1", "300", at: "40", pulses: 5, intraBurst: "500")).metrics.pulseRate == 200)
        #expect(
            limits.validate(burst("1", "300", at: "40", pulses: 5, intraBurst: "500", cycling: cycling)).metrics
                .pulseRate == 50)
        var cycled = tonic("1", "300", at: "50")
        cycled.cycling = Cycling(on: seconds("10"), off: seconds("10"))
        #expect(limits.validate(cycled).metrics.pulseRate == 25)
        let period = StimProgram(
            amplitude: mA("1"), pulseWidth: us("300"), rate: .period(us("2000")), contacts: bipolar)
        #expect(limits.validate(period).metrics.pulseRate == 500)
    }

    @Test("Without a pulse count a burst has no pulse rate and no battery figures")
    func burstWithoutCountHasNoBatteryFigures() {
        let metrics = DeviceLimits.tonic16.validate(burst("1", "300", at: "40", pulses: nil, intraBurst: "500")).metrics
        #expect(metrics.pulseRate == nil)
        #expect(metrics.stimulationCurrent == nil)
        #expect(metrics.batteryCurrent == nil)
        #expect(metrics.rechargeIntervalDays == nil)
    }

    @Test("Active recovery draws twice the stimulation current of passive recovery")
    func activeDrawsTwicePassive() {
        let limits = DeviceLimits.tonic16
        #expect(limits.validate(tonic("4", "300", at: "50", recovery: .passive)).metrics.stimulationCurrent == 60)
        #expect(limits.validate(tonic("4", "300", at: "50", recovery: .active)).metrics.stimulationCurrent == 120)
    }

    @Test("The stimulation current counts the whole amplitude once, however it is split over contacts")
    func stimulationCurrentCountsTheAmplitude() {
        let split = tonic("4", "300", at: "50", contacts: contacts(["1": "-50", "2": "-50", "3": "50", "4": "50"]))
        #expect(DeviceLimits.tonic16.validate(split).metrics.stimulationCurrent == 120)
    }

    @Test("The recharge interval follows capacity × usable fraction over the battery current")
    func rechargeInterval() throws {
        // 4 mA, 300 µs, 50 Hz passive: I_batt = (4.2 × 60 / 0.8 + 10 × 3.6) / 3.6 = 97.5 µA.
        let metrics = DeviceLimits.tonic16.validate(tonic("4", "300", at: "50", recovery: .passive)).metrics
        let battery = try #require(metrics.batteryCurrent)
        #expect(rounded(battery, places: 9) == 97.5)
        let days = try #require(metrics.rechargeIntervalDays)
        #expect(abs(days - 300 * 1000 * 0.8 / 97.5 / 24) < 1e-9)
        #expect(metrics.longevityYears == nil)
    }

    @Test("V_H never falls below V_H,min: a low required voltage still costs 2.5 V")
    func supplyVoltageFloor() throws {
        // 1 mA: 1 × 0.8 + 1 = 1.8 V required, so V_H = 2.5 V; I_stim = 2 × 0.3 × 50 = 30 µA.
        let metrics = DeviceLimits.tonic16.validate(tonic("1", "300", at: "50")).metrics
        #expect(rounded(metrics.maxRequiredVoltage, places: 9) == 1.8)
        let battery = try #require(metrics.batteryCurrent)
        #expect(abs(battery - (2.5 * 30 / 0.8 + 36) / 3.6) < 1e-9)
    }

    @Test("Lead metrics cover active lead contacts only; Shannon k is absent without charge")
    func leadMetrics() {
        let zero = DeviceLimits.tonic16.validate(tonic("0", "300")).metrics
        #expect(zero.maxShannonK == nil)
        #expect(zero.chargePerPhase == 0)
        #expect(zero.maxChargeDensity == 0)
        #expect(zero.maxRequiredVoltage == 1)
        let toCase = DeviceLimits.tonic16.validate(
            tonic("8", "300", contacts: contacts(["1": "-50", "2": "-50", "case": "100"]))
        ).metrics
        #expect(rounded(toCase.chargePerPhase, places: 9) == 1.2)
        #expect(rounded(toCase.maxRequiredVoltage, places: 9) == 7.4)
    }
}
