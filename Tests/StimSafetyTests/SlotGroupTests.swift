import Testing

@testable import StimSafety

@Suite("Slot groups narrow the limits of their slots")
struct SlotGroupTests {
    static let grouped = DeviceLimits.tonic16.with {
        $0.groups = [
            SlotGroup(
                name: "A", slots: 1...2,
                pulseWidth: Grid(
                    min: Nanoseconds(units: 60), max: Nanoseconds(units: 200),
                    step: Nanoseconds(units: 10)),
                rates: .period(
                    min: Millihertz(units: 2), max: Millihertz(units: 200), periodStep: Nanoseconds(units: 10)))
        ]
    }

    static func program(width: Int64, hertz: Int64) -> StimProgram {
        StimProgram(
            amplitude: Nanoamps(units: 3), pulseWidth: Nanoseconds(units: width),
            rate: .frequency(Millihertz(units: hertz)),
            contacts: [ContactShare(.lead(1), Percent(units: -100)), ContactShare(.lead(2), Percent(units: 100))])
    }

    @Test("A slot in a group is checked against the group's pulse widths, other slots against the device's")
    func groupPulseWidthAppliesOnlyToItsSlots() {
        let wide = Self.program(width: 300, hertz: 50)
        #expect(Self.grouped.validate(wide, context: ValidationContext(slot: 1)).ruleIDs == [.pulseWidthRange])
        #expect(Self.grouped.validate(wide, context: ValidationContext(slot: 3)).verdict == .accepted)
        #expect(Self.grouped.validate(wide).verdict == .accepted)
        #expect(!Self.grouped.maySend(wide, context: ValidationContext(slot: 2)))
        #expect(Self.grouped.maySend(wide, context: ValidationContext(slot: 3)))
    }

    @Test("A group's period grid replaces the device's frequency grid: 200 Hz on the bound passes, 250 Hz fails")
    func groupRatesApplyOnTheBound() {
        let context = ValidationContext(slot: 1)
        #expect(Self.grouped.validate(Self.program(width: 200, hertz: 200), context: context).verdict == .accepted)
        #expect(
            Self.grouped.validate(Self.program(width: 200, hertz: 250), context: context).ruleIDs == [.frequencyRange])
        // 7 Hz has no period on a 10 µs grid.
        #expect(Self.grouped.validate(Self.program(width: 200, hertz: 7), context: context).ruleIDs == [.frequencyStep])
    }
}
