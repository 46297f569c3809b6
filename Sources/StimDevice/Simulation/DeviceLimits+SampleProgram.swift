import StimSafety

extension DeviceLimits {
    /// A modest program this device accepts without warnings in `slot`: about 2 mA on a bipole of the
    /// first two lead contacts, with a patient range around it, in the first supported waveform for
    /// which such a program exists; nil when none does.
    ///
    /// For checks that must run against any profile (the programming-session check, transport tests).
    public func sampleProgram(slot: Slot = 1) -> StimProgram? {
        let contacts = leads.flatMap(\.contacts).sorted()
        guard contacts.count >= 2 else { return nil }
        let bipole = [
            ContactShare(.lead(contacts[0]), Percent(units: -100)),
            ContactShare(.lead(contacts[1]), Percent(units: 100)),
        ]
        let candidates: [(Waveform, microseconds: Int64, hertz: Int64)] = [
            (.tonic, 200, 50), (.highFrequency, 30, 10_000), (.burst, 200, 40),
        ]
        for (waveform, microseconds, hertz) in candidates {
            guard let rates = waveforms.rates(for: waveform) else { continue }
            var program = StimProgram(
                amplitude: clamped(Nanoamps(units: 2), amplitude),
                pulseWidth: clamped(Nanoseconds(units: microseconds), pulseWidth),
                rate: .frequency(Self.clamped(Millihertz(units: hertz), rates.bounds)), waveform: waveform,
                contacts: bipole)
            if waveform == .burst, let burst = waveforms.burst {
                program.pulsesPerBurst = min(max(5, burst.pulsesPerBurst.lowerBound), burst.pulsesPerBurst.upperBound)
                program.intraBurstRate = clamped(Millihertz(units: 500), burst.intraBurstRate)
            }
            guard var snapped = snapDown(program)?.program, snapped.amplitude.rawValue > 0 else { continue }
            let oneAndAHalf = Nanoamps(rawValue: Int64(clamping: Int128(snapped.amplitude.rawValue) * 3 / 2))
            let high = snapDown(amplitude: oneAndAHalf).value
            snapped.patientRange = PatientRange(min: snapped.amplitude, max: high ?? snapped.amplitude)
            if accepts(snapped, slot: slot) { return snapped }
            snapped.patientRange = nil
            if accepts(snapped, slot: slot) { return snapped }
        }
        return nil
    }

    /// Whether `program` is accepted without warnings, also at its patient range's maximum.
    private func accepts(_ program: StimProgram, slot: Slot) -> Bool {
        let context = ValidationContext(slot: slot)
        guard validate(program, context: context).verdict == .accepted else { return false }
        guard let range = program.patientRange else { return true }
        var atMaximum = program
        atMaximum.amplitude = range.max
        return validate(atMaximum, context: context).verdict == .accepted
    }

    private func clamped<Quantity: FixedPoint>(_ value: Quantity, _ grid: Grid<Quantity>) -> Quantity {
        min(max(value, grid.min), grid.max)
    }

    private static func clamped(_ value: Millihertz, _ bounds: (min: Millihertz, max: Millihertz)) -> Millihertz {
        min(max(value, bounds.min), bounds.max)
    }
}
