/// The keys the schema decoders look up (``EventDecoder``, ``ProgramFields``, ``HeaderDecoder``).
enum SchemaKey: String, CaseIterable, CustomStringConvertible {
    case t, type, slot, by, program, on, amplitude, ohms, percent, state, rules, request, code, detail
    case pulseWidth, frequency, period, waveform, contacts, pulsesPerBurst, intraBurstRate, recovery
    case interphaseGap, cycling, patientRange, off, min, max, format, version, device, serial, start

    /// The key as written in a recording.
    var description: String { rawValue }
}
