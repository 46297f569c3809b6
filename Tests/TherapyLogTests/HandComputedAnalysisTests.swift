import Foundation
import StimSafety
import Testing

@testable import TherapyLog

/// Figures worked out by hand in the test itself, from the definitions of `recording-format.md` §3.
@Suite("Analysis figures computed by hand")
struct HandComputedAnalysisTests {
    typealias R = TestRecordings

    static let bipole = #""contacts":{"1":-100,"2":100}"#

    @Test func deliveredChargeIsAmplitudeTimesPulseWidthTimesPulseRateOverDeliveredTime() throws {
        let report = try R.analyze(lines: [
            R.header("2026-01-01T00:00:00Z"),
            #"{"t":"2026-01-01T10:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":4.5,"pulseWidth":300,"frequency":50,\#(Self.bipole)}}"#,
            #"{"t":"2026-01-01T10:00:00Z","type":"activate","slot":1,"by":"clinician"}"#,
            #"{"t":"2026-01-01T10:00:00Z","type":"therapy","on":true,"by":"clinician"}"#,
            #"{"t":"2026-01-01T11:00:00Z","type":"therapy","on":false,"by":"patient"}"#,
            #"{"t":"2026-01-02T00:00:00Z","type":"end"}"#,
        ])
        // 4.5 mA × 300 µs × 50 /s × 3600 s = 0.0045 × 0.0003 × 50 × 3600 C
        #expect(isClose(report.deliveredCharge, 0.243))
        #expect(report.therapyHours == 1)
        #expect(report.recordedHours == 24)
        #expect(isClose(report.usagePercent, 100.0 / 24))
    }

    @Test func burstMultipliesByPulsesPerBurstAndCyclingByItsDuty() throws {
        let report = try R.analyze(lines: [
            R.header("2026-01-01T00:00:00Z", device: "burst-16-primary"),
            #"{"t":"2026-01-01T00:00:00Z","type":"program","slot":2,"by":"clinician","program":{"amplitude":0.8,"pulseWidth":500,"frequency":40,"waveform":"burst","pulsesPerBurst":4,"intraBurstRate":500,"recovery":"passive","cycling":{"on":10,"off":30},\#(Self.bipole)}}"#,
            #"{"t":"2026-01-01T00:00:00Z","type":"activate","slot":2,"by":"clinician"}"#,
            #"{"t":"2026-01-01T00:00:00Z","type":"therapy","on":true,"by":"clinician"}"#,
            #"{"t":"2026-01-01T02:00:00Z","type":"end"}"#,
        ])
        // 40 bursts/s × 4 pulses × duty 10/40 = 40 pulses/s; 0.8 mA × 500 µs × 40 /s × 7200 s.
        let expected = 0.0008 * 0.0005 * 40 * 7200
        #expect(isClose(report.deliveredCharge, expected))
    }

    @Test func meanAmplitudeIsWeightedByDeliveredTimeOnly() throws {
        let report = try R.analyze(lines: [
            R.header("2026-01-01T00:00:00Z"),
            #"{"t":"2026-01-01T00:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":2,"pulseWidth":200,"frequency":40,\#(Self.bipole)}}"#,
            #"{"t":"2026-01-01T00:00:00Z","type":"activate","slot":1,"by":"clinician"}"#,
            #"{"t":"2026-01-01T01:00:00Z","type":"therapy","on":true,"by":"patient"}"#,
            // 2 mA for 1 h, then 5 mA for 3 h delivered.
            #"{"t":"2026-01-01T02:00:00Z","type":"amplitude","slot":1,"amplitude":5,"by":"patient"}"#,
            #"{"t":"2026-01-01T05:00:00Z","type":"therapy","on":false,"by":"patient"}"#,
            // 9 mA while therapy is off does not count.
            #"{"t":"2026-01-01T06:00:00Z","type":"amplitude","slot":1,"amplitude":9,"by":"clinician"}"#,
            #"{"t":"2026-01-01T10:00:00Z","type":"amplitude","slot":1,"amplitude":4,"by":"patient"}"#,
            #"{"t":"2026-01-01T10:00:00Z","type":"therapy","on":true,"by":"patient"}"#,
            // 4 mA for 4 h.
            #"{"t":"2026-01-01T14:00:00Z","type":"end"}"#,
        ])
        let program = try #require(report.programs.first)
        #expect(program.slot == 1)
        #expect(program.therapyHours == 8)
        let mean: Double = (2 * 1 + 5 * 3 + 4 * 4) / 8
        #expect(isClose(program.meanAmplitude, mean))
        #expect(report.adjustments == AdjustmentCounts(patient: 2, clinician: 1))
    }

    @Test func adjustmentsToAnInactiveSlotAreCheckedAgainstItsProgramAndDeliveredOnceItIsActive() throws {
        let range = #""patientRange":{"min":1,"max":6}"#
        let report = try R.analyze(lines: [
            R.header("2026-01-01T00:00:00Z"),
            #"{"t":"2026-01-01T00:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":2,"pulseWidth":200,"frequency":40,\#(Self.bipole)}}"#,
            #"{"t":"2026-01-01T00:00:00Z","type":"program","slot":2,"by":"clinician","program":{"amplitude":3,"pulseWidth":200,"frequency":40,\#(range),\#(Self.bipole)}}"#,
            #"{"t":"2026-01-01T00:00:00Z","type":"activate","slot":1,"by":"clinician"}"#,
            #"{"t":"2026-01-01T00:00:00Z","type":"therapy","on":true,"by":"patient"}"#,
            // Slot 2 is not active: 7 mA is outside its patient range (line 6), 5 mA is inside.
            #"{"t":"2026-01-01T01:00:00Z","type":"amplitude","slot":2,"amplitude":7,"by":"patient"}"#,
            #"{"t":"2026-01-01T01:00:00Z","type":"amplitude","slot":2,"amplitude":5,"by":"patient"}"#,
            // Slot 1 had no patient range: 7 mA passes there.
            #"{"t":"2026-01-01T02:00:00Z","type":"amplitude","slot":1,"amplitude":7,"by":"patient"}"#,
            // Slot 2 delivers its adjusted 5 mA for 1 h, then 4 mA for 1 h after a rewrite while active.
            #"{"t":"2026-01-01T03:00:00Z","type":"activate","slot":2,"by":"patient"}"#,
            #"{"t":"2026-01-01T04:00:00Z","type":"program","slot":2,"by":"clinician","program":{"amplitude":4,"pulseWidth":200,"frequency":40,\#(range),\#(Self.bipole)}}"#,
            // Back on slot 1, which kept its 7 mA, for 1 h.
            #"{"t":"2026-01-01T05:00:00Z","type":"activate","slot":1,"by":"patient"}"#,
            #"{"t":"2026-01-01T06:00:00Z","type":"end"}"#,
        ])
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
        let report = try R.analyze(lines: [
            R.header("2026-01-01T00:00:00Z"),
            #"{"t":"2026-01-01T00:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":2,"pulseWidth":200,"frequency":40,\#(Self.bipole)}}"#,
            #"{"t":"2026-01-01T00:00:00Z","type":"activate","slot":1,"by":"clinician"}"#,
            #"{"t":"2026-01-01T00:00:00Z","type":"therapy","on":true,"by":"patient"}"#,
            #"{"t":"2026-01-01T01:00:00Z","type":"amplitude","slot":1,"amplitude":6,"by":"patient"}"#,
            #"{"t":"2026-01-01T02:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":3,"pulseWidth":200,"frequency":40,\#(Self.bipole)}}"#,
            #"{"t":"2026-01-01T03:00:00Z","type":"end"}"#,
        ])
        let mean: Double = (2 + 6 + 3) / 3
        #expect(isClose(report.programs.first?.meanAmplitude, mean))
    }

    @Test func usageAcrossMidnightIsSplitIntoHalfOpenUTCDays() throws {
        let report = try R.analyze(lines: [
            R.header("2026-01-01T12:00:00Z"),
            #"{"t":"2026-01-01T12:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":2,"pulseWidth":200,"frequency":40,\#(Self.bipole)}}"#,
            #"{"t":"2026-01-01T12:00:00Z","type":"activate","slot":1,"by":"clinician"}"#,
            #"{"t":"2026-01-01T21:30:00Z","type":"therapy","on":true,"by":"patient"}"#,
            #"{"t":"2026-01-03T01:15:00Z","type":"therapy","on":false,"by":"patient"}"#,
            #"{"t":"2026-01-04T00:00:00Z","type":"end"}"#,
        ])
        // 21:30–24:00 on the 1st, all of the 2nd, 00:00–01:15 on the 3rd; the span ends exactly at
        // midnight, so the 4th is not listed.
        #expect(report.days.map(\.date) == ["2026-01-01", "2026-01-02", "2026-01-03"])
        #expect(report.days.map(\.therapyHours) == [2.5, 24, 1.25])
        #expect(report.daysWithTherapy == 3)
        #expect(report.therapyHours == 27.75)
        #expect(report.recordedHours == 60)
    }

    @Test func aSpanWithoutTimeHasNoDaysAndNoUsagePercent() throws {
        let report = try R.analyze(lines: [
            R.header("2026-01-01T00:00:00Z"), #"{"t":"2026-01-01T00:00:00Z","type":"end"}"#,
        ])
        #expect(report.days.isEmpty)
        #expect(report.usagePercent == nil)
        #expect(report.recordedHours == 0)
        #expect(!report.isTruncated)
    }

    @Test func chargeIntervalsRunBetweenTheStartsOfCompletedSessions() throws {
        let report = try R.analyze(lines: [
            R.header("2026-01-01T00:00:00Z"),
            #"{"t":"2026-01-01T20:00:00Z","type":"charge","state":"start"}"#,
            #"{"t":"2026-01-01T21:00:00Z","type":"charge","state":"end"}"#,
            #"{"t":"2026-01-02T20:00:00Z","type":"charge","state":"start"}"#,
            #"{"t":"2026-01-03T08:00:00Z","type":"charge","state":"start"}"#,
            #"{"t":"2026-01-03T09:00:00Z","type":"charge","state":"end"}"#,
            #"{"t":"2026-01-04T00:00:00Z","type":"end"}"#,
        ])
        #expect(report.charges == ChargeSummary(count: 2, meanIntervalHours: 36))
        let one = try R.analyze(lines: [
            R.header("2026-01-01T00:00:00Z"),
            #"{"t":"2026-01-01T20:00:00Z","type":"charge","state":"start"}"#,
            #"{"t":"2026-01-01T21:00:00Z","type":"charge","state":"end"}"#,
            #"{"t":"2026-01-02T00:00:00Z","type":"end"}"#,
        ])
        #expect(one.charges == ChargeSummary(count: 1, meanIntervalHours: nil))
    }
}
