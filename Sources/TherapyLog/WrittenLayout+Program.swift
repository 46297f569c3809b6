import StimSafety

extension WrittenLayout {
    /// A `program` object up to its closing brace, in the order `StimProgram.writeRecordingMembers(to:)` writes
    /// it (waveform and recovery always written, the optional fields only when set); nil for any other
    /// object, or one that breaks the schema (``ProgramFields`` then reads it and reports why).
    static func program(_ cursor: inout ByteCursor) -> StimProgram? {
        guard cursor.skip(#""amplitude":"#), let amplitude = quantity(&cursor, Nanoamps.self),
            cursor.skip(#","pulseWidth":"#), let pulseWidth = quantity(&cursor, Nanoseconds.self),
            let rate = rate(&cursor),
            cursor.skip(#","waveform":""#), let waveform = cursor.plainString().flatMap(Waveform.init(rawValue:))
        else { return nil }
        var pulsesPerBurst: Int?
        if cursor.skip(#","pulsesPerBurst":"#) {
            guard let count = positiveInteger(&cursor) else { return nil }
            pulsesPerBurst = count
        }
        var intraBurstRate: Millihertz?
        if cursor.skip(#","intraBurstRate":"#) {
            guard let burstRate = quantity(&cursor, Millihertz.self) else { return nil }
            intraBurstRate = burstRate
        }
        guard cursor.skip(#","contacts":{"#), let contacts = contactShares(&cursor),
            cursor.skip(#","recovery":""#), let recovery = cursor.plainString().flatMap(Recovery.init(rawValue:))
        else { return nil }
        var program = StimProgram(
            amplitude: amplitude, pulseWidth: pulseWidth, rate: rate, waveform: waveform,
            pulsesPerBurst: pulsesPerBurst, intraBurstRate: intraBurstRate, contacts: contacts, recovery: recovery)
        if cursor.skip(#","interphaseGap":"#) {
            guard let gap = quantity(&cursor, Nanoseconds.self) else { return nil }
            program.interphaseGap = gap
        }
        if cursor.skip(#","cycling":{"on":"#) {
            guard let on = quantity(&cursor, Milliseconds.self), cursor.skip(#","off":"#),
                let off = quantity(&cursor, Milliseconds.self), cursor.skip("}")
            else { return nil }
            program.cycling = Cycling(on: on, off: off)
        }
        if cursor.skip(#","patientRange":{"min":"#) {
            guard let low = quantity(&cursor, Nanoamps.self), cursor.skip(#","max":"#),
                let high = quantity(&cursor, Nanoamps.self), cursor.skip("}")
            else { return nil }
            program.patientRange = PatientRange(min: low, max: high)
        }
        return cursor.skip("}") ? program : nil
    }

    /// `frequency` or `period`, greater than zero.
    private static func rate(_ cursor: inout ByteCursor) -> Rate? {
        if cursor.skip(#","frequency":"#) {
            guard let frequency = quantity(&cursor, Millihertz.self), frequency.rawValue > 0 else { return nil }
            return .frequency(frequency)
        }
        guard cursor.skip(#","period":"#), let period = quantity(&cursor, Nanoseconds.self), period.rawValue > 0
        else { return nil }
        return .period(period)
    }

    /// The contact map up to its closing brace, sorted by contact as ``ProgramFields`` sorts it; nil
    /// when a contact is written twice.
    private static func contactShares(_ cursor: inout ByteCursor) -> [ContactShare]? {
        var shares: [ContactShare] = []
        if !cursor.skip("}") {
            repeat {
                guard cursor.skip(#"""#), let contact = cursor.contactKey(), cursor.skip(#"":"#),
                    let raw = cursor.plainDecimal(fractionDigits: Percent.fractionDigits)
                else { return nil }
                shares.append(ContactShare(contact, Percent(rawValue: raw)))
            } while cursor.skip(",")
            guard cursor.skip("}") else { return nil }
        }
        shares.sort { $0.contact < $1.contact }
        for index in shares.indices.dropFirst() where shares[index].contact == shares[index - 1].contact {
            return nil
        }
        return shares
    }
}
