import Testing

@testable import StimSafety

@Suite("The fast entry point beyond 64-bit products")
struct FastPathTests {
    static let absurd: [(amplitude: Int64, percent: Int64, ohms: Int64)] = [
        (Int64.max / 2, 100_000, 800_000),
        (1 << 40, Int64.max / 4, 800_000),
        (25_500_000, 100_000, Int64.max / 3),
        (Int64.max, Int64.max, Int64.max),
    ]

    @Test("Products too large for 64 bits fall back to the exact rules, never trap, and agree", arguments: absurd)
    func hugeProductsFallBackAndAgree(amplitude: Int64, percent: Int64, ohms: Int64) {
        let limits = DeviceLimits.tonic16
        let program = StimProgram(
            amplitude: Nanoamps(rawValue: amplitude), pulseWidth: Nanoseconds(units: 300),
            rate: .frequency(Millihertz(units: 50)),
            contacts: [
                ContactShare(.lead(1), Percent(rawValue: -percent)), ContactShare(.lead(2), Percent(rawValue: percent)),
            ])
        let context = ValidationContext(impedances: MeasuredImpedances([.lead(1): Milliohms(rawValue: ohms)]))
        let validation = limits.validate(program, context: context)
        #expect(validation.verdict == .rejected)
        #expect(limits.maySend(program, context: context) == false)
    }

    @Test("An acknowledged warning on the fast path lets the program through exactly when the full path does")
    func acknowledgedWarningsPassBothWays() {
        let limits = DeviceLimits.tonic16
        let program = StimProgram(
            amplitude: Nanoamps(units: 7), pulseWidth: Nanoseconds(units: 300), rate: .frequency(Millihertz(units: 50)),
            contacts: [ContactShare(.lead(1), Percent(units: -100)), ContactShare(.can, Percent(units: 100))])
        for acknowledged in [RuleSet(), RuleSet([.shannon]), RuleSet([.patientRangeShannon])] {
            let context = ValidationContext(acknowledged: acknowledged)
            #expect(
                limits.maySend(program, context: context)
                    == limits.validate(program, context: context).maySend(acknowledging: acknowledged))
        }
        #expect(limits.maySend(program, context: ValidationContext(acknowledged: RuleSet([.shannon]))))
    }
}

@Suite("A contact listed twice")
struct DuplicateContactTests {
    static let maps: [[ContactShare]] = [
        // 20 mA through contact 2 as two halves would pass the per-contact limit of 12.7 mA.
        [
            ContactShare(.lead(2), Percent(units: -50)), ContactShare(.lead(2), Percent(units: -50)),
            ContactShare(.lead(3), Percent(units: 100)),
        ],
        // One contact as cathode and anode at once.
        [ContactShare(.lead(2), Percent(units: -100)), ContactShare(.lead(2), Percent(units: 100))],
        [
            ContactShare(.lead(1), Percent(units: -100)), ContactShare(.can, Percent(units: 50)),
            ContactShare(.can, Percent(units: 50)),
        ],
        [
            ContactShare(.lead(1), Percent(units: -100)), ContactShare(.unrecognized("x"), Percent(units: 50)),
            ContactShare(.unrecognized("x"), Percent(units: 50)),
        ],
        [ContactShare(.lead(100), Percent(units: -100)), ContactShare(.lead(100), Percent(units: 100))],
    ]

    @Test("is a contacts.polarity error on both entry points, whatever the key", arguments: maps)
    func duplicateIsRejected(contacts: [ContactShare]) {
        let program = StimProgram(
            amplitude: Nanoamps(units: 20), pulseWidth: Nanoseconds(units: 60), rate: .frequency(Millihertz(units: 50)),
            contacts: contacts)
        let validation = DeviceLimits.tonic16.validate(program)
        #expect(validation.findings.contains { $0.rule == .contactsPolarity && $0.reason == .duplicateContact })
        #expect(!DeviceLimits.tonic16.maySend(program))
    }
}
