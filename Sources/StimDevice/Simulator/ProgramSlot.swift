import StimSafety

/// One program slot of the device.
struct ProgramSlot: Sendable {
    /// The slot's number, 1 … N.
    let number: Slot
    /// Whether a patient may activate the slot; writing a program enables it.
    var isEnabled = false
    /// The program as written, nil while the slot is empty.
    var program: StimProgram?
    /// The slot's running amplitude: the program's amplitude until adjusted.
    var amplitude: Nanoamps = .zero
    /// The warnings the clinician acknowledged when writing the program; they stay acknowledged for
    /// amplitude adjustments of the same program.
    var acknowledged: RuleSet = []

    init(number: Slot) {
        self.number = number
    }

    /// The program at the slot's running amplitude, nil while the slot is empty.
    var runningProgram: StimProgram? {
        guard var program else { return nil }
        program.amplitude = amplitude
        return program
    }
}
