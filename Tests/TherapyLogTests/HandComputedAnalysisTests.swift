import Foundation
import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

/// Figures worked out by hand in the test itself, from the definitions of `recording-format.md` §3.
/// Each recording is built from events and written by the one writer, header on line 1.
@Suite("Analysis figures computed by hand")
struct HandComputedAnalysisTests {
    typealias R = TestRecordings

    @Test func deliveredChargeIsAmplitudeTimesPulseWidthTimesPulseRateOverDeliveredTime() throws {
        let report = try R.analyze(
            start: "2026-01-01T00:00:00Z",
            [
                (
                    "2026-01-01T10:00:00Z",
                    .program(
                        slot: 1, program: bipolarProgram(amplitude: "4.5", pulseWidth: "300", frequency: "50"),
                        by: .clinician)
                ),
                ("2026-01-01T10:00:00Z", .activate(slot: 1, by: .clinician)),
                ("2026-01-01T10:00:00Z", .therapy(isOn: true, by: .clinician)),
                ("2026-01-01T11:00:00Z", .therapy(isOn: false, by: .patient)),
            ], end: "2026-01-02T00:00:00Z")
        // 4.5 mA × 300 µs × 50 /s × 3600 s = 0.0045 × 0.0003 × 50 × 3600 C
        #expect(isClose(report.deliveredCharge, 0.243))
        #expect(report.therapyHours == 1)
        #expect(report.recordedHours == 24)
        #expect(isClose(report.usagePercent, 100.0 / 24))
    }

    @Test func burstMultipliesByPulsesPerBurstAndCyclingByItsDuty() throws {
        let burst = bipolarProgram(amplitude: "0.8", pulseWidth: "500", frequency: "40") {
            $0.waveform = .burst
            $0.pulsesPerBurst = 4
            $0.intraBurstRate = quantity("500")
            $0.recovery = .passive
            $0.cycling = Cycling(on: quantity("10"), off: quantity("30"))
        }
        let report = try R.analyze(
            device: "burst-16-primary", start: "2026-01-01T00:00:00Z",
            [
                ("2026-01-01T00:00:00Z", .program(slot: 2, program: burst, by: .clinician)),
                ("2026-01-01T00:00:00Z", .activate(slot: 2, by: .clinician)),
                ("2026-01-01T00:00:00Z", .therapy(isOn: true, by: .clinician)),
            ], end: "2026-01-01T02:00:00Z")
        // 40 bursts/s × 4 pulses × duty 10/40 = 40 pulses/s; 0.8 mA × 500 µs × 40 /s × 7200 s.
        let expected = 0.0008 * 0.0005 * 40 * 7200
        #expect(isClose(report.deliveredCharge, expected))
    }

    @Test func meanAmplitudeIsWeightedByDeliveredTimeOnly() throws {
        let report = try R.analyze(
            start: "2026-01-01T00:00:00Z",
            [
                ("2026-01-01T00:00:00Z", .program(slot: 1, program: Self.twoMilliamps, by: .clinician)),
                ("2026-01-01T00:00:00Z", .activate(slot: 1, by: .clinician)),
                ("2026-01-01T01:00:00Z", .therapy(isOn: true, by: .patient)),
                // 2 mA for 1 h, then 5 mA for 3 h delivered.
                ("2026-01-01T02:00:00Z", .amplitude(slot: 1, amplitude: quantity("5"), by: .patient)),
                ("2026-01-01T05:00:00Z", .therapy(isOn: false, by: .patient)),
                // 9 mA while therapy is off does not count.
                ("2026-01-01T06:00:00Z", .amplitude(slot: 1, amplitude: quantity("9"), by: .clinician)),
                ("2026-01-01T10:00:00Z", .amplitude(slot: 1, amplitude: quantity("4"), by: .patient)),
                ("2026-01-01T10:00:00Z", .therapy(isOn: true, by: .patient)),
                // 4 mA for 4 h.
            ], end: "2026-01-01T14:00:00Z")
        let program = try #require(report.programs.first)
        #expect(program.slot == 1)
        #expect(program.therapyHours == 8)
        let mean: Double = (2 * 1 + 5 * 3 + 4 * 4) / 8
        #expect(isClose(program.meanAmplitude, mean))
        #expect(report.adjustments == AdjustmentCounts(patient: 2, clinician: 1))
    }

    @Test func adjustmentsToAnInactiveSlotAreCheckedAgainstItsProgramAndDeliveredOnceItIsActive() throws {
        let ranged = { (amplitude: String) in
            bipolarProgram(amplitude: amplitude, pulseWidth: "200", frequency: "40", patientRange: ("1", "6"))
        }
        let report = try R.analyze(
            start: "2026-01-01T00:00:00Z",
            [
                ("2026-01-01T00:00:00Z", .program(slot: 1, program: Self.twoMilliamps, by: .clinician)),
                ("2026-01-01T00:00:00Z", .program(slot: 2, program: ranged("3"), by: .clinician)),
                ("2026-01-01T00:00:00Z", .activate(slot: 1, by: .clinician)),
                ("2026-01-01T00:00:00Z", .therapy(isOn: true, by: .patient)),
                // Slot 2 is not active: 7 mA is outside its patient range (line 6), 5 mA is inside.
                ("2026-01-01T01:00:00Z", .amplitude(slot: 2, amplitude: quantity("7"), by: .patient)),
                ("2026-01-01T01:00:00Z", .amplitude(slot: 2, amplitude: quantity("5"), by: .patient)),
                // Slot 1 had no patient range: 7 mA passes there.
                ("2026-01-01T02:00:00Z", .amplitude(slot: 1, amplitude: quantity("7"), by: .patient)),
                // Slot 2 delivers its adjusted 5 mA for 1 h, then 4 mA for 1 h after a rewrite while active.
                ("2026-01-01T03:00:00Z", .activate(slot: 2, by: .patient)),
                ("2026-01-01T04:00:00Z", .program(slot: 2, program: ranged("4"), by: .clinician)),
                // Back on slot 1, which kept its 7 mA, for 1 h.
                ("2026-01-01T05:00:00Z", .activate(slot: 1, by: .patient)),
            ], end: "2026-01-01T06:00:00Z")
        #expect(report.programs.map(\.slot) == [1, 2])
        #expect(report.programs.map(\.therapyHours) == [4, 2])
        let slotOneMean: Double = (2 * 2 + 7 + 7) / 4
        #expect(isClose(report.programs[0].meanAmplitude, slotOneMean))
        #expect(isClose(report.programs[1].meanAmplitude, 4.5))
        #expect(report.safety.flaggedEvents.map(\.line) == [6])
        #expect(report.safety.flaggedEvents.map(\.slot) == [2])
        #expect(report.safety.rules == [RuleID.patientRange])
    }

    @Test func rewritingAProgramResetsTheRunningAmplitudeToTheProgramsAmplitude() throws {
        let report = try R.analyze(
            start: "2026-01-01T00:00:00Z",
            [
                ("2026-01-01T00:00:00Z", .program(slot: 1, program: Self.twoMilliamps, by: .clinician)),
                ("2026-01-01T00:00:00Z", .activate(slot: 1, by: .clinician)),
                ("2026-01-01T00:00:00Z", .therapy(isOn: true, by: .patient)),
                ("2026-01-01T01:00:00Z", .amplitude(slot: 1, amplitude: quantity("6"), by: .patient)),
                (
                    "2026-01-01T02:00:00Z",
                    .program(
                        slot: 1, program: bipolarProgram(amplitude: "3", pulseWidth: "200", frequency: "40"),
                        by: .clinician)
                ),
            ], end: "2026-01-01T03:00:00Z")
        let mean: Double = (2 + 6 + 3) / 3
        #expect(isClose(report.programs.first?.meanAmplitude, mean))
    }

    @Test func usageAcrossMidnightIsSplitIntoHalfOpenUTCDays() throws {
        let report = try R.analyze(
            start: "2026-01-01T12:00:00Z",
            [
                ("2026-01-01T12:00:00Z", .program(slot: 1, program: Self.twoMilliamps, by: .clinician)),
                ("2026-01-01T12:00:00Z", .activate(slot: 1, by: .clinician)),
                ("2026-01-01T21:30:00Z", .therapy(isOn: true, by: .patient)),
                ("2026-01-03T01:15:00Z", .therapy(isOn: false, by: .patient)),
            ], end: "2026-01-04T00:00:00Z")
        // 21:30–24:00 on the 1st, all of the 2nd, 00:00–01:15 on the 3rd; the span ends exactly at
        // midnight, so the 4th is not listed.
        #expect(report.days.map(\.date) == ["2026-01-01", "2026-01-02", "2026-01-03"])
        #expect(report.days.map(\.therapyHours) == [2.5, 24, 1.25])
        #expect(report.daysWithTherapy == 3)
        #expect(report.therapyHours == 27.75)
        #expect(report.recordedHours == 60)
    }

    @Test func aSpanWithoutTimeHasNoDaysAndNoUsagePercent() throws {
        let report = try R.analyze(start: "2026-01-01T00:00:00Z", [], end: "2026-01-01T00:00:00Z")
        #expect(report.days.isEmpty)
        #expect(report.usagePercent == nil)
        #expect(report.recordedHours == 0)
        #expect(!report.isTruncated)
    }

    @Test func chargeIntervalsRunBetweenTheStartsOfCompletedSessions() throws {
        let report = try R.analyze(
            start: "2026-01-01T00:00:00Z",
            [
                ("2026-01-01T20:00:00Z", .charge(.start)),
                ("2026-01-01T21:00:00Z", .charge(.end)),
                ("2026-01-02T20:00:00Z", .charge(.start)),
                ("2026-01-03T08:00:00Z", .charge(.start)),
                ("2026-01-03T09:00:00Z", .charge(.end)),
            ], end: "2026-01-04T00:00:00Z")
        #expect(report.charges.count == 2)
        #expect(report.charges.meanIntervalHours == 36)
        let one = try R.analyze(
            start: "2026-01-01T00:00:00Z",
            [("2026-01-01T20:00:00Z", .charge(.start)), ("2026-01-01T21:00:00Z", .charge(.end))],
            end: "2026-01-02T00:00:00Z")
        #expect(one.charges.count == 1)
        #expect(one.charges.meanIntervalHours == nil)
    }

    /// The 2 mA, 200 µs, 40 Hz bipole most of these recordings start from.
    static let twoMilliamps = bipolarProgram(amplitude: "2", pulseWidth: "200", frequency: "40")
}
