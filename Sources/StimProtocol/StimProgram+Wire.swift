import StimSafety

/// The program's wire form, in exact integer units (`docs/protocol.md`, "Program"):
///
///     presence (UInt8: bit 0 pulsesPerBurst, 1 intraBurstRate, 2 interphaseGap, 3 cycling,
///               4 patientRange; bits 5–7 zero)
///     amplitude nA (Int64) | pulse width ns (Int64) | rate tag (UInt8: 0 mHz, 1 period ns) | rate (Int64)
///     waveform (UInt8: 0 tonic, 1 burst, 2 highFrequency) | recovery (UInt8: 0 active, 1 passive)
///     the present optional fields, in bit order, each Int64 (cycling: on ms, off ms; range: min nA, max nA)
///     contact count (UInt8), then per contact: tag (UInt8), number (UInt16), percent in 1/1000 % (Int64)
enum ProgramPresence {
    static let pulsesPerBurst: UInt8 = 1 << 0
    static let intraBurstRate: UInt8 = 1 << 1
    static let interphaseGap: UInt8 = 1 << 2
    static let cycling: UInt8 = 1 << 3
    static let patientRange: UInt8 = 1 << 4
    static let all: UInt8 = 0b1_1111
}

extension Waveform {
    var wireCode: UInt8 {
        switch self {
        case .tonic: 0
        case .burst: 1
        case .highFrequency: 2
        }
    }
}

extension ByteWriter {
    mutating func write(_ program: StimProgram) throws(EncodeError) {
        var presence: UInt8 = 0
        if program.pulsesPerBurst != nil { presence |= ProgramPresence.pulsesPerBurst }
        if program.intraBurstRate != nil { presence |= ProgramPresence.intraBurstRate }
        if program.interphaseGap != nil { presence |= ProgramPresence.interphaseGap }
        if program.cycling != nil { presence |= ProgramPresence.cycling }
        if program.patientRange != nil { presence |= ProgramPresence.patientRange }
        write(presence)
        write(program.amplitude.rawValue)
        write(program.pulseWidth.rawValue)
        switch program.rate {
        case .frequency(let rate):
            write(UInt8(0))
            write(rate.rawValue)
        case .period(let period):
            write(UInt8(1))
            write(period.rawValue)
        }
        write(program.waveform.wireCode)
        write(program.recovery == .active ? UInt8(0) : UInt8(1))
        if let pulses = program.pulsesPerBurst { write(Int64(pulses)) }
        if let rate = program.intraBurstRate { write(rate.rawValue) }
        if let gap = program.interphaseGap { write(gap.rawValue) }
        if let cycling = program.cycling {
            write(cycling.on.rawValue)
            write(cycling.off.rawValue)
        }
        if let range = program.patientRange {
            write(range.min.rawValue)
            write(range.max.rawValue)
        }
        try writeCount(program.contacts.count, field: "contacts")
        for share in program.contacts {
            try write(share.contact)
            write(share.percent.rawValue)
        }
    }
}

extension ByteReader {
    mutating func readProgram() throws(PayloadError) -> StimProgram {
        let presence: UInt8 = try read(field: "program presence")
        guard presence & ~ProgramPresence.all == 0 else {
            throw .invalidValue(field: "program presence", value: Int(presence))
        }
        let amplitude = Nanoamps(rawValue: try read(field: "amplitude"))
        let pulseWidth = Nanoseconds(rawValue: try read(field: "pulse width"))
        let rate = try readRate()
        let waveform = try readWaveform()
        let recoveryCode: UInt8 = try read(field: "recovery")
        guard recoveryCode <= 1 else { throw .invalidValue(field: "recovery", value: Int(recoveryCode)) }
        var program = StimProgram(
            amplitude: amplitude, pulseWidth: pulseWidth, rate: rate, waveform: waveform, contacts: [],
            recovery: recoveryCode == 0 ? .active : .passive)
        if presence & ProgramPresence.pulsesPerBurst != 0 {
            let pulses: Int64 = try read(field: "pulses per burst")
            guard let count = Int(exactly: pulses) else {
                throw .invalidValue(field: "pulses per burst", value: Int(truncatingIfNeeded: pulses))
            }
            program.pulsesPerBurst = count
        }
        if presence & ProgramPresence.intraBurstRate != 0 {
            program.intraBurstRate = Millihertz(rawValue: try read(field: "intra-burst rate"))
        }
        if presence & ProgramPresence.interphaseGap != 0 {
            program.interphaseGap = Nanoseconds(rawValue: try read(field: "interphase gap"))
        }
        if presence & ProgramPresence.cycling != 0 {
            let on = Milliseconds(rawValue: try read(field: "cycling on"))
            program.cycling = Cycling(on: on, off: Milliseconds(rawValue: try read(field: "cycling off")))
        }
        if presence & ProgramPresence.patientRange != 0 {
            let min = Nanoamps(rawValue: try read(field: "patient range min"))
            program.patientRange = PatientRange(min: min, max: Nanoamps(rawValue: try read(field: "patient range max")))
        }
        let count: UInt8 = try read(field: "contacts")
        program.contacts.reserveCapacity(Int(count))
        for _ in 0..<count {
            let contact = try readContact()
            program.contacts.append(ContactShare(contact, Percent(rawValue: try read(field: "contact percent"))))
        }
        return program
    }

    private mutating func readRate() throws(PayloadError) -> Rate {
        let tag: UInt8 = try read(field: "rate tag")
        let value: Int64 = try read(field: "rate")
        switch tag {
        case 0: return .frequency(Millihertz(rawValue: value))
        case 1: return .period(Nanoseconds(rawValue: value))
        default: throw .invalidValue(field: "rate tag", value: Int(tag))
        }
    }

    private mutating func readWaveform() throws(PayloadError) -> Waveform {
        let code: UInt8 = try read(field: "waveform")
        switch code {
        case 0: return .tonic
        case 1: return .burst
        case 2: return .highFrequency
        default: throw .invalidValue(field: "waveform", value: Int(code))
        }
    }
}
