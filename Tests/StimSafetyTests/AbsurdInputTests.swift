import Testing

@testable import StimSafety

/// Values no device and no file would hold, at the edges of 64 bits: the rules must still judge them,
/// never wrap into a pass and never trap.
@Suite("Absurd 64-bit inputs")
struct AbsurdInputTests {
    /// Three cathodes whose true sum is −100 % − 2⁶⁴ m%: a wrapping sum would read exactly −100 %.
    static let wrappingCathodes = [
        ContactShare(.lead(1), Percent(rawValue: -Int64.max)), ContactShare(.lead(2), Percent(rawValue: -Int64.max)),
        ContactShare(.lead(3), Percent(rawValue: -100_002)), ContactShare(.lead(4), Percent(units: 100)),
    ]

    @Test("cathode shares whose sum wraps to −100 % are a polarity error, at any amplitude")
    func wrappingPolaritySumsAreRejected() {
        for amplitude in ["0", "5"] {
            let program = tonic(amplitude, contacts: Self.wrappingCathodes)
            let validation = DeviceLimits.tonic16.validate(program)
            #expect(validation.verdict == .rejected)
            #expect(validation.ruleIDs.contains(.contactsPolarity))
            #expect(!DeviceLimits.tonic16.maySend(program))
        }
    }

    @Test("anode shares whose sum wraps to +100 % are a polarity error")
    func wrappingAnodeSumsAreRejected() {
        let contacts = [
            ContactShare(.lead(1), Percent(rawValue: Int64.max)), ContactShare(.lead(2), Percent(rawValue: Int64.max)),
            ContactShare(.lead(3), Percent(rawValue: 100_002)), ContactShare(.lead(4), Percent(units: -100)),
        ]
        let program = tonic("0", contacts: contacts)
        #expect(DeviceLimits.tonic16.validate(program).ruleIDs.contains(.contactsPolarity))
        #expect(!DeviceLimits.tonic16.maySend(program))
    }

    @Test("a pulse width near 2⁶³ ns with passive recovery is out of range and too long, not a crash")
    func hugePassivePulseWidth() {
        var program = tonic("1", recovery: .passive)
        program.pulseWidth = Nanoseconds(rawValue: Int64.max - 7)
        let validation = DeviceLimits.tonic16.validate(program)
        #expect(validation.ruleIDs.contains(.pulseWidthRange))
        #expect(validation.ruleIDs.contains(.timingPeriod))
        #expect(!DeviceLimits.tonic16.maySend(program))
    }

    @Test("a value whose distance below a grid's minimum leaves 64 bits is still judged exactly")
    func valuesFarBelowAGrid() {
        // The pulse-width grid starts at 20 µs in 10 µs steps: these minus 20,000 ns are below −2⁶³.
        let offStep = Nanoseconds(rawValue: Int64.min)
        let onStep = Nanoseconds(rawValue: -9_223_372_036_854_770_000)
        #expect(!DeviceLimits.tonic16.pulseWidth.isOnStep(offStep))
        #expect(DeviceLimits.tonic16.pulseWidth.isOnStep(onStep))
        var program = tonic("1")
        program.pulseWidth = offStep
        let validation = DeviceLimits.tonic16.validate(program)
        #expect(validation.ruleIDs.contains(.pulseWidthRange))
        #expect(validation.ruleIDs.contains(.pulseWidthStep))
        #expect(!DeviceLimits.tonic16.maySend(program))
        program.pulseWidth = onStep
        #expect(!DeviceLimits.tonic16.validate(program).ruleIDs.contains(.pulseWidthStep))
        #expect(!DeviceLimits.tonic16.maySend(program))
    }

    @Test("a running amplitude near −2⁶³ makes any step a slew warning, not a crash")
    func hugeSlew() {
        let context = ValidationContext(runningAmplitude: Nanoamps(rawValue: Int64.min))
        let validation = DeviceLimits.tonic16.validate(tonic("5"), context: context)
        #expect(validation.findings.contains { $0.rule == .amplitudeSlew && $0.severity == .warning })
        #expect(!DeviceLimits.tonic16.maySend(tonic("5"), context: context))
        let acknowledged = ValidationContext(
            acknowledged: RuleSet([.amplitudeSlew]), runningAmplitude: Nanoamps(rawValue: Int64.min))
        #expect(DeviceLimits.tonic16.maySend(tonic("5"), context: acknowledged))
    }

    @Test("cycling spans near 2⁶³ ms each give a duty cycle, in validation and in the envelope, not a crash")
    func hugeCycling() throws {
        let cycling = Cycling(on: Milliseconds(rawValue: Int64.max), off: Milliseconds(rawValue: Int64.max))
        #expect(cycling.duty == 0.5)
        var program = tonic("5")
        program.cycling = cycling
        #expect(DeviceLimits.tonic16.validate(program).verdict == .accepted)
        #expect(DeviceLimits.tonic16.maySend(program))
        let configuration = EnvelopeConfiguration(contacts: bipolar, cycling: cycling)
        let envelope = try DeviceLimits.tonic16.safeEnvelope(
            for: configuration, pulseWidths: [us("300")], rates: [.frequency(hz("50"))])
        #expect(envelope.maxAmplitude(row: 0, column: 0) != nil)
    }

    @Test(
        "a burst or a pulse with its numbers near 2⁶³ is a timing error, not a crash",
        arguments: [Recovery.active, .passive])
    func hugeTiming(recovery: Recovery) {
        var program = burst("1", "300", at: "40", pulses: 5, intraBurst: "500", recovery: recovery)
        program.pulsesPerBurst = .max
        program.intraBurstRate = Millihertz(rawValue: .max)
        program.pulseWidth = Nanoseconds(rawValue: .max)
        program.interphaseGap = Nanoseconds(rawValue: .max)
        program.rate = .frequency(Millihertz(rawValue: .max))
        #expect(DeviceLimits.tonic16.validate(program).ruleIDs.contains(.timingPeriod))
        program.waveform = .tonic
        #expect(DeviceLimits.tonic16.validate(program).ruleIDs.contains(.timingPeriod))
        #expect(!DeviceLimits.tonic16.maySend(program))
    }
}
