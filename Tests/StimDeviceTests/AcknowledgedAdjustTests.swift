import StimDevice
import StimProtocol
import StimSafety
import Testing

/// The device takes the warnings a clinician acknowledges with an amplitude change, as with a write,
/// and keeps them for the slot; a patient's remote cannot acknowledge.
@Suite("An acknowledged amplitude change")
struct AcknowledgedAdjustTests {
    /// Slot 1 written at 3 mA, 300 µs (no warning) with no acknowledgement, and active.
    static func written(_ test: TestDevice) throws -> RawSession {
        var raw = try RawSession.open(test.device, role: .clinician, key: test.key(.clinician))
        #expect(try raw.send(.writeProgram(ProgramWrite(slot: 1, program: try tonic("3")))) == .reply(.writeProgram))
        #expect(try raw.send(.activateSlot(1)) == .reply(.activateSlot))
        return raw
    }

    @Test func aWarningTheWriteDidNotAcknowledgeIsAcceptedWhenTheAdjustAcknowledgesIt() throws {
        let test = try TestDevice()
        var raw = try Self.written(test)
        // 9 mA at 300 µs: worked example 3's Shannon warning.
        let refused = try raw.send(.adjustAmplitude(try mA("9")))
        #expect(refused.errorCode == .unacknowledgedWarnings)
        #expect(refused.rules == [.shannon])
        let wrong = try raw.send(.adjustAmplitude(try mA("9"), acknowledged: RuleSet(rule: .chargeDensity)))
        #expect(wrong.errorCode == .unacknowledgedWarnings)
        #expect(test.device.state().targetAmplitude == (try mA("3")))
        let accepted = try raw.send(.adjustAmplitude(try mA("9"), acknowledged: RuleSet(rule: .shannon)))
        #expect(accepted == .reply(.adjustAmplitude(try mA("9"))))
        #expect(test.device.state().targetAmplitude == (try mA("9")))
        // The slot keeps the acknowledgement: therapy starts and the slot activates again at 9 mA.
        #expect(try raw.send(.setTherapy(true)) == .reply(.setTherapy))
        #expect(try raw.send(.activateSlot(1)) == .reply(.activateSlot))
    }

    @Test func aPatientsRemoteMayNotAcknowledge() async throws {
        let test = try TestDevice()
        _ = try Self.written(test)
        var patient = try RawSession.open(test.device, role: .patient, key: test.key(.patient))
        let answer = try patient.send(.adjustAmplitude(try mA("3"), acknowledged: RuleSet(rule: .shannon)))
        #expect(answer.errorCode == .notPermitted)
        #expect(test.device.state().targetAmplitude == (try mA("3")))
    }
}
