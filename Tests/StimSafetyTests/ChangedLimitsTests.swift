import Testing

@testable import StimSafety

/// Limits changed after they were built: the fast entry point keeps forms derived from them, which must
/// follow every change.
@Suite("Limits changed after init")
struct ChangedLimitsTests {
    /// One field changed so that the verdict on `program` changes.
    struct Change: Sendable, CustomTestStringConvertible {
        var label: String
        var program: StimProgram
        var context = ValidationContext()
        var change: @Sendable (inout DeviceLimits) -> Void
        var testDescription: String { label }
    }

    /// Accepted on the `tonic-16`: 5 mA, 300 µs, 50 Hz on contacts 1 and 2 (the first worked example).
    static let plain = tonic("5")
    /// A Shannon warning on the `tonic-16` (the third worked example).
    static let shannonWarning = tonic("7")

    static let changes: [Change] = [
        Change(label: "amplitude maximum below the program", program: plain) {
            $0.amplitude = Grid(min: mA("0"), max: mA("4"), step: mA("0.1"))
        },
        Change(label: "amplitude step the program is off", program: plain) {
            $0.amplitude = Grid(min: mA("0"), max: mA("25.5"), step: mA("0.3"))
        },
        Change(label: "amplitude grid made piecewise", program: tonic("4.5")) {
            $0.amplitude = Grid(
                min: mA("0"),
                segments: [GridSegment(upTo: mA("2"), step: mA("0.1")), GridSegment(upTo: mA("25.5"), step: mA("1"))])
        },
        Change(label: "pulse-width step the program is off", program: plain) {
            $0.pulseWidth = Grid(min: us("20"), max: us("1000"), step: us("30"))
        },
        Change(label: "tonic rates below the program", program: plain) {
            $0.waveforms.tonic = .frequency(Grid(min: hz("2"), max: hz("40"), step: hz("1")))
        },
        Change(label: "tonic rates given as periods the program is off", program: tonic("5", at: "7")) {
            $0.waveforms.tonic = .period(min: hz("2"), max: hz("500"), periodStep: us("10"))
        },
        Change(label: "fraction step the shares are off", program: plain) { $0.fractionStep = percent("30") },
        Change(label: "leads without the program's contacts", program: plain) {
            $0.setLeads([Lead(name: "A", contacts: [3, 4], area: mm2("12.25"))])
        },
        Change(label: "leads with smaller contacts", program: plain) {
            $0.setLeads([Lead(name: "A", contacts: [1, 2], area: mm2("1"))])
        },
        Change(label: "leads of two areas", program: plain) {
            $0.setLeads([
                Lead(name: "A", contacts: [1], area: mm2("12.25")), Lead(name: "B", contacts: [2], area: mm2("2")),
            ])
        },
        Change(label: "per-contact maximum below the program", program: plain) {
            $0.currentPerContactMax = mA("4")
        },
        Change(label: "compliance voltage below the program's need", program: plain) {
            $0.complianceVoltage = volts("4.5")
        },
        Change(label: "headroom that reaches the compliance voltage", program: plain) { $0.headroom = volts("8") },
        Change(label: "a charge-density warning below the program", program: plain) {
            $0.chargeDensity.warn = microcoulombsPerCm2("10")
        },
        Change(label: "a charge-density rejection below the program", program: plain) {
            $0.chargeDensity.reject = microcoulombsPerCm2("12")
        },
        Change(label: "a Shannon warning below the program", program: plain) {
            $0.shannon = ShannonLimits(warn: 1.0, reject: 1.85)
        },
        Change(label: "a Shannon warning above the program", program: shannonWarning) {
            $0.shannon = ShannonLimits(warn: 1.6, reject: 1.85)
        },
        Change(label: "a cell that lasts under a day", program: plain) { $0.battery.capacity = 0.01 },
        Change(label: "a primary cell that lasts too short", program: plain) {
            $0.battery = BatteryModel(kind: .primary, capacity: 1, minimumLongevityYears: 3)
        },
        Change(label: "fewer active contacts allowed", program: plain) { $0.maxActiveContacts = 1 },
        Change(label: "a higher nominal impedance", program: plain) { $0.impedance.nominal = ohms("3000") },
        Change(label: "an interphase gap that overruns the period", program: plain) {
            $0.interphaseGap = us("19500")
        },
        Change(
            label: "a slew limit below the increase", program: plain,
            context: ValidationContext(runningAmplitude: mA("4"))
        ) { $0.amplitudeSlewMax = mA("0.5") },
        Change(
            label: "a slot group with narrower pulse widths", program: plain, context: ValidationContext(slot: 1)
        ) {
            $0.groups = [
                SlotGroup(name: "g", slots: 1...2, pulseWidth: Grid(min: us("20"), max: us("200"), step: us("10")))
            ]
        },
    ]

    @Test("A field changed after init changes the fast verdict exactly as it changes the full one", arguments: changes)
    func changedFieldIsFollowed(_ row: Change) {
        var limits = DeviceLimits.tonic16
        let before = limits.validate(row.program, context: row.context).maySend(acknowledging: row.context.acknowledged)
        #expect(limits.maySend(row.program, context: row.context) == before)
        row.change(&limits)
        let after = limits.validate(row.program, context: row.context).maySend(acknowledging: row.context.acknowledged)
        #expect(after != before, "the change must matter for the verdict")
        #expect(limits.maySend(row.program, context: row.context) == after)
    }

    @Test("Limits changed and changed back equal the original, and so do their verdicts")
    func changedBackIsEqual() {
        var limits = DeviceLimits.tonic16
        limits.headroom = volts("8")
        limits.headroom = volts("1")
        #expect(limits == DeviceLimits.tonic16)
        #expect(limits.hashValue == DeviceLimits.tonic16.hashValue)
        #expect(limits.maySend(Self.plain))
    }
}
