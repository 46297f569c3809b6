import RecordingFormat
import StimSafety
import Testing

@testable import TherapyLog

/// Every `program` and `amplitude` event is validated again, with the impedances measured before it.
@Suite("Safety re-validation")
struct SafetyRevalidationTests {
    typealias R = TestRecordings

    static func program(_ amplitude: String, line time: String = "2026-01-01T01:00:00Z") -> String {
        #"{"t":"\#(time)","type":"program","slot":1,"by":"clinician","program":{"amplitude":\#(amplitude),"pulseWidth":300,"frequency":50,"contacts":{"1":-100,"2":100}}}"#
    }

    static func amplitude(_ value: String, at time: String, slot: Int = 1) -> String {
        #"{"t":"\#(time)","type":"amplitude","slot":\#(slot),"amplitude":\#(value),"by":"clinician"}"#
    }

    @Test func theWorkedExamplesVerdictsAreCountedPerEvent() throws {
        let report = try R.analyze(lines: [
            R.header("2026-01-01T00:00:00Z"),
            Self.program("5"),  // accepted
            Self.amplitude("10", at: "2026-01-01T02:00:00Z"),  // 300 µs: Q 3 µC, k 1.87: shannon error
            Self.amplitude("7", at: "2026-01-01T03:00:00Z"),  // shannon warning
            Self.amplitude("5", at: "2026-01-01T04:00:00Z"),  // accepted
            #"{"t":"2026-01-02T00:00:00Z","type":"end"}"#,
        ])
        #expect(report.safety.eventsWithErrors == 1)
        #expect(report.safety.eventsWithWarnings == 1)
        #expect(report.safety.rules == [.shannon])
        #expect(report.safety.flaggedEvents.map(\.line) == [3, 4])
        #expect(report.safety.flaggedEvents.map(\.verdict) == [.rejected, .acceptedWithWarnings])
    }

    @Test func theLatestImpedanceMeasuredBeforeTheEventDecidesCompliance() throws {
        let report = try R.analyze(lines: [
            R.header("2026-01-01T00:00:00Z"),
            Self.program("5"),
            // 9 mA at nominal 800 Ω: 8.2 V, fine; at 1300 Ω: 12.7 V, over the 12 V compliance.
            Self.amplitude("9", at: "2026-01-01T02:00:00Z"),
            #"{"t":"2026-01-01T03:00:00Z","type":"impedance","ohms":{"1":1300}}"#,
            Self.amplitude("9", at: "2026-01-01T04:00:00Z"),
            // A later measurement replaces the earlier one: contact 1 is back to nominal.
            #"{"t":"2026-01-01T05:00:00Z","type":"impedance","ohms":{"2":800}}"#,
            Self.amplitude("9", at: "2026-01-01T06:00:00Z"),
            #"{"t":"2026-01-02T00:00:00Z","type":"end"}"#,
        ])
        let compliance = report.safety.flaggedEvents.filter { $0.rules.contains(.compliance) }.map(\.line)
        #expect(compliance == [5])
    }

    /// The active slot's adjustments, repeated among a few amplitudes between new measurements and
    /// program writes (as a patient's are), each flagged exactly as a full validation of the program at
    /// that amplitude, with the impedances measured last, flags it.
    @Test(arguments: 0..<6)
    func repeatedAdjustmentsOfTheActiveSlotAreEachJudgedAsAFullValidationJudgesThem(_ seed: UInt64) throws {
        let limits = try R.limits("tonic-16")
        var random = SeededGenerator(seed: 0x5AFE_0000 + seed)
        func program(pulseWidth: Int64) -> StimProgram {
            StimProgram(
                amplitude: Nanoamps(units: 5), pulseWidth: Nanoseconds(units: pulseWidth),
                rate: .frequency(Millihertz(units: 50)),
                contacts: [ContactShare(.lead(1), Percent(units: -100)), ContactShare(.lead(2), .whole)])
        }
        var current = program(pulseWidth: 300)
        var measured = ImpedanceMeasurement()
        var events: [RecordingEvent] = [.activate(slot: 1, by: .clinician)]
        var expected: [FlaggedEvent] = []
        for step in 0..<80 {
            let event: RecordingEvent
            switch step == 0 ? 1 : random.next() % 12 {
            case 0:
                measured = [.lead(1): Milliohms(units: random.pick([800, 1_300, 2_000]))]
                event = .impedance(measured)
            case 1:
                current = program(pulseWidth: random.pick([200, 300, 450]))
                event = .program(slot: 1, program: current, by: .clinician)
            default:
                current.amplitude = Nanoamps(units: random.pick([5, 7, 9, 10, 12]))
                event = .amplitude(slot: 1, amplitude: current.amplitude, by: .patient)
            }
            events.append(event)
            let type: String
            switch event {
            case .program: type = "program"
            case .amplitude: type = "amplitude"
            default: continue
            }
            let fired = FiredRules(
                limits.validate(current, context: ValidationContext(impedances: MeasuredImpedances(measured), slot: 1)))
            guard !fired.isEmpty else { continue }
            // Line 1 is the header.
            expected.append(
                FlaggedEvent(
                    line: events.count + 1, slot: 1, type: type, verdict: fired.verdict, rules: fired.all.rules))
        }
        let start = try #require(Timestamp(rfc3339: "2026-01-01T00:00:00Z"))
        let lines = events.enumerated().map { index, event in
            event.recordingLine(
                at: Timestamp(
                    nanosecondsSinceEpoch: start.nanosecondsSinceEpoch + Int64(index + 1)
                        * Timestamp.nanosecondsPerSecond))
        }
        let report = try R.analyze(
            lines: [R.header("2026-01-01T00:00:00Z")] + lines + [#"{"t":"2026-01-02T00:00:00Z","type":"end"}"#])
        // The generated events give both kinds of flag, and fewer than the report lists.
        #expect(Set(expected.map(\.verdict)) == [.rejected, .acceptedWithWarnings])
        #expect(expected.count < SafetySummary.flaggedEventLimit)
        #expect(report.safety.flaggedEvents == expected)
    }

    @Test func aLargeStepIsNotASlewFindingBecauseNoRunningAmplitudeIsGiven() throws {
        let report = try R.analyze(lines: [
            R.header("2026-01-01T00:00:00Z"),
            Self.program("0.5"),
            Self.amplitude("5", at: "2026-01-01T02:00:00Z"),
            #"{"t":"2026-01-02T00:00:00Z","type":"end"}"#,
        ])
        #expect(report.safety.rules.isEmpty)
    }

    @Test func anAmplitudeForAnEmptySlotIsCountedButNotValidated() throws {
        let report = try R.analyze(lines: [
            R.header("2026-01-01T00:00:00Z"),
            Self.amplitude("30", at: "2026-01-01T02:00:00Z", slot: 3),
            #"{"t":"2026-01-02T00:00:00Z","type":"end"}"#,
        ])
        #expect(report.adjustments.clinician == 1)
        #expect(report.safety.eventsWithErrors == 0)
    }

    @Test func impedanceAlertsCountLeadContactsOutsideTheThresholdsButNotTheCase() throws {
        let report = try R.analyze(lines: [
            R.header("2026-01-01T00:00:00Z"),
            #"{"t":"2026-01-01T01:00:00Z","type":"impedance","ohms":{"1":250,"2":249.999,"3":4000,"4":4000.001,"case":10,"99":1}}"#,
            #"{"t":"2026-01-01T02:00:00Z","type":"impedance","ohms":{"2":100}}"#,
            #"{"t":"2026-01-02T00:00:00Z","type":"end"}"#,
        ])
        #expect(report.impedanceAlerts == 3)
        #expect(
            report.impedanceAlertsByContact == [
                ContactAlerts(contact: 2, shorts: 2, opens: 0), ContactAlerts(contact: 4, shorts: 0, opens: 1),
            ])
    }

    @Test func rejectedEventsCountEachRuleOncePerEvent() throws {
        let report = try R.analyze(lines: [
            R.header("2026-01-01T00:00:00Z"),
            #"{"t":"2026-01-01T01:00:00Z","type":"rejected","by":"patient","rules":["shannon","shannon","vendor.x"],"request":{}}"#,
            #"{"t":"2026-01-01T02:00:00Z","type":"rejected","by":"patient","rules":[],"request":{}}"#,
            // More rules than the short path takes, repeated apart from each other.
            #"{"t":"2026-01-01T03:00:00Z","type":"rejected","by":"patient","rules":["a","b","a","c","d","e","f","g","b","shannon"],"request":{}}"#,
            #"{"t":"2026-01-02T00:00:00Z","type":"end"}"#,
        ])
        let once = Dictionary(uniqueKeysWithValues: ["a", "b", "c", "d", "e", "f", "g", "vendor.x"].map { ($0, 1) })
        #expect(report.rejected == RejectionCounts(total: 3, byRule: once.merging(["shannon": 2]) { $1 }))
    }
}
