/// A value brought down onto a device grid, and whether that changed it.
public struct Snapped<Value: Hashable & Sendable>: Hashable, Sendable {
    /// The value as given.
    public var original: Value
    /// The largest settable value not above it; nil when even the grid's minimum is above it.
    public var value: Value?

    /// Whether snapping changed the value (or found none).
    public var changed: Bool { value != original }
}

/// One field that snapping changed in a program.
public struct SnapChange: Hashable, Sendable {
    /// The program field ("amplitude", "pulseWidth", "frequency", "intraBurstRate", "patientRange.max").
    public var field: String
    public var from: String
    public var to: String
}

extension DeviceLimits {
    /// Snaps an amplitude down onto the amplitude grid.
    public func snapDown(amplitude: Nanoamps) -> Snapped<Nanoamps> {
        Snapped(original: amplitude, value: self.amplitude.snapDown(amplitude))
    }

    /// Snaps a pulse width down onto the pulse-width grid.
    public func snapDown(pulseWidth: Nanoseconds) -> Snapped<Nanoseconds> {
        Snapped(original: pulseWidth, value: self.pulseWidth.snapDown(pulseWidth))
    }

    /// Snaps a rate down onto the grid of `waveform` (on a period grid the period goes up); nil value when
    /// the waveform is unsupported or the rate is below its minimum.
    public func snapDown(rate: Rate, waveform: Waveform) -> Snapped<Rate> {
        Snapped(original: rate, value: waveforms.rates(for: waveform)?.snapDown(rate))
    }

    /// Brings every grid value of `program` down onto the device's grids and reports each change.
    ///
    /// Returns nil when a value is below its grid's minimum and so cannot be snapped down; the program
    /// is never rounded up to fit.
    public func snapDown(_ program: StimProgram) -> (program: StimProgram, changes: [SnapChange])? {
        var result = program
        var changes: [SnapChange] = []
        func record<Value: Hashable & Sendable & CustomStringConvertible>(_ field: String, _ snap: Snapped<Value>)
            -> Value?
        {
            guard let value = snap.value else { return nil }
            if snap.changed { changes.append(SnapChange(field: field, from: "\(snap.original)", to: "\(value)")) }
            return value
        }
        guard let amplitude = record("amplitude", snapDown(amplitude: program.amplitude)),
            let pulseWidth = record("pulseWidth", snapDown(pulseWidth: program.pulseWidth)),
            let rate = record("frequency", snapDown(rate: program.rate, waveform: program.waveform))
        else { return nil }
        result.amplitude = amplitude
        result.pulseWidth = pulseWidth
        result.rate = rate
        if program.waveform == .burst, let intra = program.intraBurstRate, let grid = waveforms.burst?.intraBurstRate {
            guard let snapped = record("intraBurstRate", Snapped(original: intra, value: grid.snapDown(intra)))
            else { return nil }
            result.intraBurstRate = snapped
        }
        if let range = program.patientRange {
            guard let low = record("patientRange.min", snapDown(amplitude: range.min)),
                let high = record("patientRange.max", snapDown(amplitude: range.max))
            else { return nil }
            result.patientRange = PatientRange(min: low, max: high)
        }
        return (result, changes)
    }
}
