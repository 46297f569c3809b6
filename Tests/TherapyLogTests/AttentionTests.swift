import Foundation
import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

/// The attention block: every kind of event a clinician looks at first, repeats folded into their first
/// event, and nothing when nothing happened.
@Suite("What needs attention")
struct AttentionTests {
    typealias R = TestRecordings

    @Test func errorsWarningsFaultsRefusalsImpedanceAndALowBatteryEachGiveAnItemWithTheirFirstEvent() throws {
        let program = bipolarProgram(amplitude: "7", pulseWidth: "300", frequency: "50", patientRange: ("2", "8"))
        let report = try R.analyze(
            start: "2026-01-01T00:00:00Z",
            [
                ("2026-01-01T08:00:00Z", .program(slot: 1, program: program, by: .clinician)),
                ("2026-01-01T08:00:00Z", .activate(slot: 1, by: .clinician)),
                ("2026-01-01T08:00:00Z", .therapy(isOn: true, by: .clinician)),
                ("2026-01-01T09:00:00Z", .amplitude(slot: 1, amplitude: quantity("12"), by: .clinician)),
                ("2026-01-01T09:30:00Z", .amplitude(slot: 1, amplitude: quantity("12"), by: .patient)),
                ("2026-01-01T10:00:00Z", .fault(code: "lead-open", detail: "contact 2")),
                ("2026-01-01T10:00:00Z", .impedance([.lead(2): Milliohms(units: 9000)])),
                ("2026-01-01T11:00:00Z", .battery(quantity("30"))),
                ("2026-01-01T12:00:00Z", .battery(quantity("15"))),
                ("2026-01-01T13:00:00Z", .battery(quantity("18"))),
                (
                    "2026-01-01T14:00:00Z",
                    .rejected(
                        RejectedCommand(
                            by: .patient, rules: ["patientRange"],
                            request: .object(["slot": .number("1"), "amplitude": .number("9")])))
                ),
                (
                    "2026-01-01T15:00:00Z",
                    .rejected(RejectedCommand(by: .patient, rules: [], request: .object(["slot": .number("1")])))
                ),
            ], end: "2026-01-02T00:00:00Z")
        let items = report.attention.items
        #expect(!report.attention.isEmpty)
        // Errors first, then by kind; the two identical 12 mA amplitude events are one item of two.
        #expect(items.map { $0.kind } == [.safety, .fault, .safety, .impedance, .refusal, .refusal, .battery])
        let rejected = try #require(items.first)
        #expect(rejected.isError && rejected.count == 2 && rejected.line == 5 && rejected.slot == 1)
        #expect(rejected.time.rfc3339 == "2026-01-01T09:00:00Z")
        #expect(rejected.message == "amplitude on slot 1: 12 mA, 300 µs, 50 Hz (rejected)")
        #expect(rejected.rules.contains("patientRange"))
        #expect(items[1].message == "lead-open: contact 2" && items[1].isError)
        #expect(items[3].message == "contact 2 open: 9000 Ω, above the open threshold 4000 Ω")
        #expect(
            items[4].message
                == "amplitude 9 mA of slot 1 by the patient, refused: patientRange: amplitude 9 mA is outside the "
                + "patient range (bound 8 mA)")
        #expect(
            items[5].message
                == "activation of slot 1 by the patient, refused: slot 1 is disabled for the patient's remote")
        #expect(items[6].message == "battery low: 15 % at its lowest (low at 20 % or less)")
        #expect(items[6].line == 10 && !items[6].isError)
    }

    @Test func aRecordingWithNothingAmissNeedsNoAttention() throws {
        let program = bipolarProgram(amplitude: "3", pulseWidth: "200", frequency: "40")
        let report = try R.analyze(
            start: "2026-01-01T00:00:00Z",
            [
                ("2026-01-01T08:00:00Z", .program(slot: 1, program: program, by: .clinician)),
                ("2026-01-01T08:00:00Z", .activate(slot: 1, by: .clinician)),
                ("2026-01-01T08:00:00Z", .therapy(isOn: true, by: .clinician)),
                ("2026-01-01T09:00:00Z", .battery(quantity("21"))),
            ], end: "2026-01-02T00:00:00Z")
        #expect(report.attention.isEmpty)
        #expect(report.attention.items.isEmpty)
    }

    @Test func anEmptyBatteryIsAnErrorAndItemsPastTheLimitAreCountedNotKept() throws {
        var events: [(String, RecordingEvent)] = [("2026-01-01T01:00:00Z", .battery(quantity("0")))]
        for contact in 1...(Attention.itemLimit + 3) {
            events.append(("2026-01-01T02:00:00Z", .fault(code: "lead-short", detail: "contact \(contact)")))
        }
        let report = try R.analyze(start: "2026-01-01T00:00:00Z", events, end: "2026-01-02T00:00:00Z")
        let faults = report.attention.items.filter { $0.kind == .fault }
        #expect(faults.count == Attention.itemLimit)
        #expect(report.attention.omitted == 3)
        let battery = try #require(report.attention.items.first { $0.kind == .battery })
        #expect(battery.isError && battery.message == "battery empty (0 %)")
        let (shown, hidden) = report.attention.items(atMost: 3)
        #expect(shown.count == 4 && hidden == [.fault: Attention.itemLimit - 3])
    }
}
