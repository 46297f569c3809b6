import StimSafety

/// Reads a `program` object: the parameter set of `safety-rules.md` §1 with its field names and units.
///
/// Required: `amplitude` (mA), `pulseWidth` (µs), `frequency` (Hz) or `period` (µs, for devices that
/// quantise rates as periods), `contacts` (contact → signed percent). Optional: `waveform` (tonic),
/// `pulsesPerBurst`, `intraBurstRate` (Hz), `recovery` (active), `interphaseGap` (µs),
/// `cycling {on, off}` in s, `patientRange {min, max}` in mA. Every number converts exactly or the line
/// is a `wrong-type` finding, and so are two contact keys naming one contact (`"1"` and `"01"`). What the safety rules judge (an empty contact map, a burst without its
/// pulse count, a value off the grid) is left to them: the device wrote it, so the recording says it.
enum ProgramFields {
    static func decode(_ fields: ObjectFields) throws(LineProblem) -> StimProgram {
        var program = StimProgram(
            amplitude: try fields.quantity(.amplitude, Nanoamps.self),
            pulseWidth: try fields.quantity(.pulseWidth, Nanoseconds.self),
            rate: try rate(fields),
            waveform: fields.has(.waveform) ? try fields.choice(.waveform, Waveform.self) : .tonic,
            contacts: try contacts(try fields.object(.contacts)))
        if fields.has(.pulsesPerBurst) { program.pulsesPerBurst = try fields.positiveInteger(.pulsesPerBurst) }
        if fields.has(.intraBurstRate) {
            program.intraBurstRate = try fields.quantity(.intraBurstRate, Millihertz.self)
        }
        if fields.has(.recovery) { program.recovery = try fields.choice(.recovery, Recovery.self) }
        if fields.has(.interphaseGap) {
            program.interphaseGap = try fields.quantity(.interphaseGap, Nanoseconds.self)
        }
        if fields.has(.cycling) {
            let cycling = try fields.object(.cycling)
            program.cycling = Cycling(
                on: try cycling.quantity(.on, Milliseconds.self), off: try cycling.quantity(.off, Milliseconds.self))
        }
        if fields.has(.patientRange) {
            let range = try fields.object(.patientRange)
            program.patientRange = PatientRange(
                min: try range.quantity(.min, Nanoamps.self), max: try range.quantity(.max, Nanoamps.self))
        }
        return program
    }

    private static func rate(_ fields: ObjectFields) throws(LineProblem) -> Rate {
        switch (fields.has(.frequency), fields.has(.period)) {
        case (true, true):
            throw LineProblem(
                .wrongType, "'\(fields.name(.frequency))' and '\(fields.name(.period))' both given; give one")
        case (false, false):
            throw LineProblem(.missingField, "missing field '\(fields.name(.frequency))'")
        case (true, false):
            let frequency = try fields.quantity(.frequency, Millihertz.self)
            guard frequency.rawValue > 0 else {
                throw LineProblem(.wrongType, "field '\(fields.name(.frequency))' must be greater than 0")
            }
            return .frequency(frequency)
        case (false, true):
            let period = try fields.quantity(.period, Nanoseconds.self)
            guard period.rawValue > 0 else {
                throw LineProblem(.wrongType, "field '\(fields.name(.period))' must be greater than 0")
            }
            return .period(period)
        }
    }

    /// The contact map, sorted by contact (a JSON object's member order carries no meaning).
    private static func contacts(_ fields: ObjectFields) throws(LineProblem) -> [ContactShare] {
        try fields.contacts(Percent.self, allowNegative: true).map { ContactShare($0.contact, $0.value) }
    }
}
