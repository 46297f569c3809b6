import RecordingFormat
import StimSafety
import TherapyLog

/// The device state a recording says it ends in: therapy on or off, the active slot and its
/// amplitude, each with the line that last set it, for the final comparison of a replay.
struct RecordedState {
    /// A value and the line that set it.
    struct Traced<Value> {
        var value: Value
        var line: Int
    }

    private(set) var isTherapyOn = Traced(value: false, line: 1)
    private(set) var activeSlot: Traced<Slot>?
    private var slotAmplitudes: [Slot: Traced<Nanoamps>] = [:]

    /// The amplitude of the active slot, with the line that set it.
    var activeAmplitude: Traced<Nanoamps>? {
        activeSlot.flatMap { slotAmplitudes[$0.value] }
    }

    /// Applies an event the recording shows applied; refusals and readings change nothing.
    mutating func apply(_ event: RecordingEvent, line: Int) {
        switch event {
        case .program(let slot, let program, _): slotAmplitudes[slot] = Traced(value: program.amplitude, line: line)
        case .activate(let slot, _): activeSlot = Traced(value: slot, line: line)
        case .therapy(let isOn, _): isTherapyOn = Traced(value: isOn, line: line)
        case .amplitude(let slot, let amplitude, _): slotAmplitudes[slot] = Traced(value: amplitude, line: line)
        case .impedance, .battery, .charge, .rejected, .fault, .end: break
        }
    }
}
