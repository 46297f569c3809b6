import RecordingFormat
import StimSafety

/// The stimulation output: on or off, and the ramp by which the delivered amplitude reaches the
/// active slot's amplitude (the target).
///
/// Increases ramp: from `rampFrom` at `rampStart`, the level rises by `step` every `interval` until it
/// reaches the target (soft start is a ramp from zero when therapy turns on). Decreases apply at once.
/// A device without a slew limit (`step` nil) jumps to the target. Times are clock nanoseconds.
struct OutputState: Sendable {
    /// The largest rise per ramp step; nil jumps straight to the target.
    let step: Nanoamps?
    /// The time between ramp steps, at least one nanosecond.
    let interval: Int64

    /// Whether stimulation is on.
    private(set) var isOn = false
    /// When stimulation last switched on: the origin of the cycling phase.
    private(set) var onSince: Int64 = 0
    /// The level the current ramp started from.
    private(set) var rampFrom: Nanoamps = .zero
    /// When the current ramp started.
    private(set) var rampStart: Int64 = 0

    init(step: Nanoamps?, interval: Duration) {
        self.step = step.flatMap { $0.rawValue > 0 ? $0 : nil }
        self.interval = max(1, interval.nanoseconds)
    }

    /// The amplitude the output drives at `time` towards `target`, before cycling gates it; zero while off.
    func level(at time: Int64, target: Nanoamps) -> Nanoamps {
        guard isOn else { return .zero }
        guard let step, rampFrom < target else { return target }
        let steps = max(0, (time - rampStart) / interval)
        let (rise, overflow) = step.rawValue.multipliedReportingOverflow(by: steps)
        guard !overflow, rise < target.rawValue - rampFrom.rawValue else { return target }
        return Nanoamps(rawValue: rampFrom.rawValue + rise)
    }

    /// The next instant after `time` at which the level rises, nil when it has reached `target`.
    func nextStep(after time: Int64, target: Nanoamps) -> Int64? {
        guard isOn, step != nil, level(at: time, target: target) < target else { return nil }
        let steps = max(0, (time - rampStart) / interval)
        return rampStart + (steps + 1) * interval
    }

    /// Whether cycling (if any) lets stimulation through at `time`.
    func isInOnPhase(at time: Int64, cycling: Cycling?) -> Bool {
        guard let cycling else { return true }
        // In nanoseconds, 128 bits wide: the safety rules set no bound on a cycling span.
        let on = Int128(cycling.on.rawValue) * 1_000_000
        let period = on + Int128(cycling.off.rawValue) * 1_000_000
        guard period > 0, on < period else { return true }
        let elapsed = Int128(time) - Int128(onSince)
        let remainder = elapsed % period
        return (remainder < 0 ? remainder + period : remainder) < on
    }

    /// Switches stimulation on with a soft start from zero.
    mutating func switchOn(at time: Int64) {
        guard !isOn else { return }
        isOn = true
        onSince = time
        rampFrom = .zero
        rampStart = time
    }

    /// Switches stimulation off at once.
    mutating func switchOff() {
        isOn = false
    }

    /// The target changes from `old` to `new` at `time`: a decrease applies at once, an increase ramps
    /// from the present level, and `fromZero` (a new electrode configuration) ramps from zero.
    mutating func retarget(at time: Int64, from old: Nanoamps, to new: Nanoamps, fromZero: Bool) {
        guard isOn else { return }
        let present = level(at: time, target: old)
        rampFrom = fromZero ? .zero : min(present, new)
        rampStart = time
    }
}
