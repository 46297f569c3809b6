import ArgumentParser
import DeviceProfiles
import StimSafety

/// A program given as flags or as a file (`--program`), the two ways `docs/cli.md` §2 allows.
struct ProgramOptions: ParsableArguments {
    @Option(name: .customLong("program"), help: "A program file (YAML or JSON, fields of safety-rules.md §1).")
    var programFile: String?

    @Option(help: "Amplitude in mA.") var amplitude: String?
    @Option(help: "Pulse width in µs.") var pulseWidth: String?
    @Option(help: "Frequency in Hz (burst: the burst rate).") var frequency: String?
    @Option(help: "Rate as a period in µs, for devices that quantise rates as periods.") var period: String?
    @Option(help: "Contacts: \"2-,3+\", \"1-60,2-40,3+\", \"case+\" for the can.") var contacts: String?
    @Option(help: "tonic | burst | highFrequency.") var waveform: String?
    @Option(help: "Pulses in each burst.") var pulsesPerBurst: String?
    @Option(help: "Rate of pulses within a burst, Hz.") var intraBurstRate: String?
    @Option(help: "active | passive.") var recovery: String?
    @Option(help: "Interphase gap in µs (default: the device's).") var interphaseGap: String?
    @Option(help: "Patient range in mA, MIN-MAX, e.g. 2.0-6.0.") var patientRange: String?
    @Option(help: "Cycling ON/OFF in s, e.g. 30/90.") var cycling: String?

    private var flagValues: [(flag: String, value: String?)] {
        [
            ("--amplitude", amplitude), ("--pulse-width", pulseWidth), ("--frequency", frequency),
            ("--period", period), ("--contacts", contacts), ("--waveform", waveform),
            ("--pulses-per-burst", pulsesPerBurst), ("--intra-burst-rate", intraBurstRate), ("--recovery", recovery),
            ("--interphase-gap", interphaseGap), ("--patient-range", patientRange), ("--cycling", cycling),
        ]
    }

    func validate() throws {
        let given = flagValues.filter { $0.value != nil }.map(\.flag)
        if programFile != nil, !given.isEmpty {
            throw ValidationError(
                "give either --program FILE or program flags, not both (got \(given.joined(separator: ", ")))")
        }
        if programFile == nil, given.isEmpty {
            throw ValidationError("give a program: --program FILE or flags such as --amplitude")
        }
    }

    /// The program for a device with `limits`, read from the file or built from the flags.
    func program(for limits: DeviceLimits) throws(InputError) -> StimProgram {
        if let programFile {
            return try ProgramDecoder.decode(try YAMLField.read(file: programFile), limits: limits)
        }
        return try programFromFlags(fractionStep: limits.fractionStep)
    }

    private func programFromFlags(fractionStep: Percent) throws(InputError) -> StimProgram {
        let rate: Rate
        switch (frequency, period) {
        case (let text?, nil): rate = .frequency(try FlagValue.positive(text, Millihertz.self, flag: "--frequency"))
        case (nil, let text?): rate = .period(try FlagValue.positive(text, Nanoseconds.self, flag: "--period"))
        case (.some, .some): throw InputError("--period", "give either --frequency or --period, not both")
        case (nil, nil): throw InputError("--frequency", "missing")
        }
        guard let contacts else { throw InputError("--contacts", "missing") }
        var program = StimProgram(
            amplitude: try FlagValue.quantity(amplitude, Nanoamps.self, flag: "--amplitude"),
            pulseWidth: try FlagValue.quantity(pulseWidth, Nanoseconds.self, flag: "--pulse-width"),
            rate: rate,
            waveform: try FlagValue.choice(waveform, Waveform.self, flag: "--waveform") ?? .tonic,
            contacts: try ContactShorthand.parse(contacts, fractionStep: fractionStep))
        if let pulsesPerBurst {
            program.pulsesPerBurst = try FlagValue.count(pulsesPerBurst, flag: "--pulses-per-burst")
        }
        if let intraBurstRate {
            program.intraBurstRate = try FlagValue.positive(intraBurstRate, Millihertz.self, flag: "--intra-burst-rate")
        }
        program.recovery = try FlagValue.choice(recovery, Recovery.self, flag: "--recovery") ?? .active
        if let interphaseGap {
            program.interphaseGap = try FlagValue.quantity(interphaseGap, Nanoseconds.self, flag: "--interphase-gap")
        }
        if let patientRange {
            let (low, high) = try FlagValue.pair(patientRange, separator: "-", flag: "--patient-range")
            program.patientRange = PatientRange(
                min: try FlagValue.quantity(low, Nanoamps.self, flag: "--patient-range"),
                max: try FlagValue.quantity(high, Nanoamps.self, flag: "--patient-range"))
        }
        if let cycling { program.cycling = try FlagValue.cycling(cycling) }
        return program
    }
}

/// Exact parsing of flag values, with errors that name the flag.
enum FlagValue {
    static func quantity<Quantity: FixedPoint>(_ text: String?, _: Quantity.Type, flag: String) throws(InputError)
        -> Quantity
    {
        guard let text else { throw InputError(flag, "missing") }
        let value: Quantity
        do throws(DecimalParseError) {
            value = try Quantity(parsing: text)
        } catch .tooPrecise(_, let digits) {
            throw InputError(
                flag,
                "\(text) has more decimals than \(flag) takes: at most \(digits) decimal places "
                    + "(\(Quantity(rawValue: 1)))")
        } catch {
            throw InputError(flag, "\(error)")
        }
        guard value.rawValue >= 0 else {
            throw InputError(flag, "must not be negative (got \(text) \(Quantity.unitSymbol))")
        }
        return value
    }

    /// A whole number above 0, such as a count of pulses.
    static func count(_ text: String, flag: String) throws(InputError) -> Int {
        guard let count = Int(text), count > 0 else {
            throw InputError(flag, "expected a whole number above 0 (got '\(text)')")
        }
        return count
    }

    static func positive<Quantity: FixedPoint>(_ text: String, _ type: Quantity.Type, flag: String) throws(InputError)
        -> Quantity
    {
        let value = try quantity(text, type, flag: flag)
        guard value.rawValue > 0 else { throw InputError(flag, "must be greater than 0 (got \(text))") }
        return value
    }

    static func choice<Choice: RawRepresentable & CaseIterable>(_ text: String?, _: Choice.Type, flag: String)
        throws(InputError) -> Choice? where Choice.RawValue == String
    {
        guard let text else { return nil }
        guard let value = Choice(rawValue: text) else {
            throw InputError(
                flag, "'\(text)' is not one of: \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// `ON/OFF` in seconds, e.g. `30/90`.
    static func cycling(_ text: String) throws(InputError) -> Cycling {
        let (on, off) = try pair(text, separator: "/", flag: "--cycling")
        return Cycling(
            on: try positive(on, Milliseconds.self, flag: "--cycling"),
            off: try quantity(off, Milliseconds.self, flag: "--cycling"))
    }

    static func pair(_ text: String, separator: Character, flag: String) throws(InputError) -> (String, String) {
        // `-2-6` would split at its sign; the first number is negative either way.
        guard !text.hasPrefix("-") else { throw InputError(flag, "must not be negative (got \(text))") }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw InputError(flag, "expected A\(separator)B (got '\(text)')") }
        return (String(parts[0]), String(parts[1]))
    }
}
