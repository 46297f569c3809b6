import StimSafety
import Testing

@testable import TherapyLog

/// The active slot's memory of the send gate's answers.
@Suite("Amplitude verdicts")
struct AmplitudeVerdictsTests {
    static func milliamps(_ value: Int64) -> Nanoamps { Nanoamps(units: value) }

    static let shannonError: FiredRules = {
        var fired = FiredRules()
        fired.errors = RuleSet(rule: .shannon)
        fired.warnings = RuleSet(rule: .compliance)
        return fired
    }()

    @Test func anAmplitudeNeverRecordedHasNoAnswer() {
        var verdicts = AmplitudeVerdicts()
        #expect(verdicts.refusal(at: Self.milliamps(1)) == nil)
        verdicts.record(nil, at: Self.milliamps(2))
        #expect(verdicts.refusal(at: Self.milliamps(1)) == nil)
    }

    @Test func eachAmplitudeGivesBackTheAnswerRecordedForIt() {
        var verdicts = AmplitudeVerdicts()
        verdicts.record(nil, at: Self.milliamps(2))
        verdicts.record(Self.shannonError, at: Self.milliamps(10))
        #expect(verdicts.refusal(at: Self.milliamps(2)) == .some(nil))
        #expect(verdicts.refusal(at: Self.milliamps(10)) == .some(Self.shannonError))
    }

    @Test func pastTheCapacityTheOldestAnswersAreForgottenFirst() {
        var verdicts = AmplitudeVerdicts()
        let capacity = Int64(AmplitudeVerdicts.capacity)
        for amplitude in 1...(capacity + 2) {
            verdicts.record(amplitude.isMultiple(of: 2) ? Self.shannonError : nil, at: Self.milliamps(amplitude))
        }
        #expect(verdicts.refusal(at: Self.milliamps(1)) == nil)
        #expect(verdicts.refusal(at: Self.milliamps(2)) == nil)
        for amplitude in 3...(capacity + 2) {
            let expected: FiredRules? = amplitude.isMultiple(of: 2) ? Self.shannonError : nil
            #expect(verdicts.refusal(at: Self.milliamps(amplitude)) == .some(expected))
        }
    }
}
