import StimSafety

/// A program in words, shared by the reports (text and HTML): its settings on one line and its contacts.
package enum ProgramText {
    /// The settings on one line, then the contacts indented on a second (the layout of `scs validate`).
    package static func summary(_ program: StimProgram) -> String {
        settings(program) + "\n         contacts " + contacts(program.contacts)
    }

    /// Amplitude, pulse width, rate, waveform (with its burst parameters), recovery, cycling and the
    /// patient range, on one line.
    package static func settings(_ program: StimProgram) -> String {
        var parts = [
            program.amplitude.description, program.pulseWidth.description, rate(program.rate),
            program.waveform.rawValue,
        ]
        if program.waveform == .burst {
            let pulses = program.pulsesPerBurst.map(String.init) ?? "?"
            parts.append("\(pulses) pulses at \(program.intraBurstRate?.description ?? "?")")
        }
        parts.append("\(program.recovery.rawValue) recovery")
        if let cycling = program.cycling {
            parts.append("cycling \(cycling.on.decimalText)/\(cycling.off.decimalText) s")
        }
        if let range = program.patientRange {
            parts.append("patient \(range.min.decimalText)–\(range.max.description)")
        }
        return parts.joined(separator: " · ")
    }

    /// Each contact with its signed share, in written order: `1 −100 %, 2 +100 %`.
    package static func contacts(_ shares: [ContactShare]) -> String {
        shares.map { "\($0.contact) \(share($0.percent))" }.joined(separator: ", ")
    }

    /// A contact's signed share: `−100 %` for a cathode, `+50 %` for an anode.
    package static func share(_ percent: Percent) -> String {
        (percent.rawValue < 0 ? "−" : "+") + Percent(rawValue: abs(percent.rawValue)).decimalText + " %"
    }

    /// A frequency, or a period with the frequency it gives.
    package static func rate(_ rate: Rate) -> String {
        switch rate {
        case .frequency(let frequency): frequency.description
        case .period(let period): "\(Format.number(rate.hertz, decimals: 3)) Hz (period \(period))"
        }
    }
}
