import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

/// The next recharge or replacement, from the profile's battery model, worked out by hand.
@Suite("Battery projection")
struct BatteryProjectionTests {
    typealias R = TestRecordings

    /// 2 mA × 200 µs × 40 Hz on throughout from 2026-01-01, the battery at `level` % on 2026-01-11.
    static func report(device: String, level: String) throws -> RecordingReport {
        try R.analyze(
            device: device, start: "2026-01-01T00:00:00Z",
            [
                (
                    "2026-01-01T00:00:00Z",
                    .program(
                        slot: 1, program: bipolarProgram(amplitude: "2", pulseWidth: "200", frequency: "40"),
                        by: .clinician)
                ),
                ("2026-01-01T00:00:00Z", .activate(slot: 1, by: .clinician)),
                ("2026-01-01T00:00:00Z", .therapy(isOn: true, by: .clinician)),
                ("2026-01-11T00:00:00Z", .battery(quantity(level))),
            ], end: "2026-01-11T00:00:00Z")
    }

    /// `hours` after 2026-01-11T00:00:00Z.
    static func hoursAfterTheSample(_ hours: Double) throws -> Timestamp {
        try #require(Timestamp(rfc3339: "2026-01-11T00:00:00Z")).advanced(by: .nanoseconds(Int64(hours * 3_600e9)))
    }

    /// Whether two instants are less than a second apart (the projection rounds to nanoseconds).
    static func within(aSecond a: Timestamp, _ b: Timestamp) -> Bool {
        abs(a.nanoseconds(since: b)) < Timestamp.nanosecondsPerSecond
    }

    // Stimulation 2 mA × 0.2 ms × 40 /s = 16 µA; at V_H,min 2.5 V, η 0.8, I_q 10 µA, 3.6 V the cell gives
    // (2.5 × 16 / 0.8 + 10 × 3.6) / 3.6 = 86 / 3.6 µA.

    @Test func aRechargeableCellIsDueWhenItsUsableFractionIsSpent() throws {
        let projection = try #require(try Self.report(device: "tonic-16", level: "50").batteryProjection)
        // tonic-16: 300 mAh, 80 % usable: from 50 % down to 20 % is 90,000 µAh.
        #expect(projection.event == .recharge)
        #expect(Self.within(aSecond: projection.date, try Self.hoursAfterTheSample(90_000 / (86 / 3.6))))
        #expect(projection.level == 50)
        #expect(isClose(projection.drainPercentPerDay, 86 / 3.6 * 24 / 300_000 * 100))
        #expect(projection.since == (try #require(Timestamp(rfc3339: "2026-01-01T00:00:00Z"))))
    }

    @Test func aPrimaryCellIsReplacedWhenEmpty() throws {
        let projection = try #require(try Self.report(device: "burst-16-primary", level: "80").batteryProjection)
        // burst-16-primary: 3000 mAh; 80 % of it is 2,400,000 µAh, about 11.5 years.
        #expect(projection.event == .replacement)
        #expect(Self.within(aSecond: projection.date, try Self.hoursAfterTheSample(2_400_000 / (86 / 3.6))))
    }

    @Test func levelsFallingSinceTheLastRechargeGiveTheDrainBeforeTheModelDoes() throws {
        // 90 % on 2026-01-01, 60 % ten days later: 3 % a day; from 60 % to the 20 % reserve, 40 / 3 days.
        let report = try R.analyze(
            start: "2026-01-01T00:00:00Z",
            [
                ("2026-01-01T00:00:00Z", .battery(quantity("90"))),
                ("2026-01-11T00:00:00Z", .battery(quantity("60"))),
            ], end: "2026-01-11T00:00:00Z")
        let projection = try #require(report.batteryProjection)
        #expect(projection.isDrainObserved)
        #expect(isClose(projection.drainPercentPerDay, 3))
        #expect(Self.within(aSecond: projection.date, try Self.hoursAfterTheSample(40.0 / 3 * 24)))
    }

    @Test func theProjectionNamesTheAssumedProfileValuesItRestsOn() throws {
        var report = try Self.report(device: "tonic-16", level: "50")
        report.markAssumed(["battery.usableFraction", "battery.efficiency", "programs"])
        // The model's drain: the reserve and the model's constants.
        #expect(report.batteryProjection?.assumed == ["battery.usableFraction", "battery.efficiency"])
        #expect(report.assumedProfileValues == ["battery.usableFraction", "battery.efficiency", "programs"])
    }

    @Test func aLevelBelowTheReserveIsDueAtOnceAndNoSampleGivesNoProjection() throws {
        let due = try #require(try Self.report(device: "tonic-16", level: "15").batteryProjection)
        #expect(due.date == due.levelAt)
        let report = try R.analyze(start: "2026-01-01T00:00:00Z", [], end: "2026-01-02T00:00:00Z")
        #expect(report.batteryProjection == nil)
    }
}
