import StimSafety

/// The send gate's answers for the active slot's program at the amplitudes it was set to last, and the
/// gate prepared for that program, while neither that program nor the measured impedances change: a
/// patient moves between a few amplitudes many times a day, and each answer otherwise costs a pass of
/// the gate (and, for a refusal, of every rule). Holds the latest ``capacity`` answers, inline,
/// without the heap.
struct AmplitudeVerdicts: Sendable {
    static let capacity = 8
    private var amplitudes = SIMD8<Int64>()
    /// The refusals' rules, by severity (``RuleSet/rawValue``).
    private var errors = SIMD8<UInt32>()
    private var warnings = SIMD8<UInt32>()
    /// Bit i: the answer at i is that the program may be sent.
    private var allowed: UInt8 = 0
    /// How many answers were recorded: the latest ``capacity`` of them are held, the n-th at n mod
    /// ``capacity``, so the next one replaces the oldest.
    private var recorded = 0
    /// The send gate prepared for the program, once an answer was not held.
    private var gate: PreparedSendGate?

    /// Judges `program` (the program these answers are for, at an amplitude with no answer held,
    /// ``refusal(at:)`` gave nil) in `context` against `limits` with the prepared gate, and holds the
    /// answer: the rules it breaks, or nil when it may be sent.
    mutating func judge(_ program: StimProgram, context: ValidationContext, limits: DeviceLimits) -> FiredRules? {
        let gate = self.gate ?? limits.prepareSendGate(for: program, context: context)
        self.gate = gate
        let judged = limits.refusal(of: program, context: context, gate: gate)
        record(judged, at: program.amplitude)
        return judged
    }

    /// The answer held for `amplitude`: nil when there is none, else what the gate's refusal
    /// returned (nil when the program may be sent, else the rules it breaks).
    @inline(__always)
    func refusal(at amplitude: Nanoamps) -> FiredRules?? {
        for index in 0..<min(recorded, Self.capacity) where amplitudes[index] == amplitude.rawValue {
            guard allowed & (1 << index) == 0 else { return .some(nil) }
            var fired = FiredRules()
            fired.errors = RuleSet(rawValue: errors[index])
            fired.warnings = RuleSet(rawValue: warnings[index])
            return fired
        }
        return nil
    }

    /// Holds the gate's answer for `amplitude`, which has none yet (``refusal(at:)`` gave nil), in place
    /// of the oldest when all places are taken.
    mutating func record(_ refusal: FiredRules?, at amplitude: Nanoamps) {
        let index = recorded % Self.capacity
        amplitudes[index] = amplitude.rawValue
        errors[index] = refusal?.errors.rawValue ?? 0
        warnings[index] = refusal?.warnings.rawValue ?? 0
        if refusal == nil { allowed |= 1 << index } else { allowed &= ~(1 << index) }
        recorded += 1
    }
}

extension DeviceLimits {
    /// The rules `program` breaks, or nil when it may be sent. Most adjustments pass: the
    /// allocation-free gate (prepared for the program at any amplitude, when given), which agrees with
    /// the full validation, tells which, and only the others pay for the rule tally.
    @inline(__always)
    func refusal(of program: StimProgram, context: ValidationContext, gate: PreparedSendGate? = nil) -> FiredRules? {
        let mayBeSent =
            if let gate { maySend(program, context: context, preparedGate: gate) } else {
                maySend(program, context: context)
            }
        return mayBeSent ? nil : firedRules(program, context: context)
    }
}
