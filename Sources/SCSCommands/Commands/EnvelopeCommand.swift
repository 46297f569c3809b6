import ArgumentParser
import DeviceProfiles
import StimSafety

/// `scs envelope`: the largest safe amplitude for each pulse width and frequency of a contact setup.
struct EnvelopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "envelope",
        abstract: "The largest safe amplitude for each pulse width and frequency of a contact configuration.",
        usage: "scs envelope --device <device> --contacts <contacts> [<options>]",
        discussion: """
            The table shows a readable selection of the device's pulse widths (down) and frequencies \
            (across); --pulse-widths and --frequencies choose others. --json gives the whole grid unless \
            those flags narrow it.
            """)

    @OptionGroup var device: DeviceOptions
    @Option(help: "Contacts: \"2-,3+\", \"1-60,2-40,3+\", \"case+\".") var contacts: String
    @Option(help: "tonic | burst | highFrequency.") var waveform: String = "tonic"
    @Option(help: "active | passive.") var recovery: String = "active"
    @Option(help: "Pulses in each burst.") var pulsesPerBurst: String?
    @Option(help: "Rate of pulses within a burst, Hz.") var intraBurstRate: String?
    @Option(help: "Cycling ON/OFF in s, e.g. 30/90.") var cycling: String?
    @Option(help: "Measured impedances: a JSON or YAML map of contact to ohms.") var impedance: String?
    @Option(help: "Pulse widths to show, µs, comma-separated.") var pulseWidths: String?
    @Option(help: "Frequencies to show, Hz, comma-separated.") var frequencies: String?
    @Flag(help: "Write one JSON document to stdout.") var json = false
    @Flag(help: "One table however wide (by default a table over 120 columns is split into panels).")
    var wide = false

    func run() throws {
        let profile = try device.loadProfile()
        let limits = profile.limits
        let configuration = try makeConfiguration(limits)
        var rows: [Nanoseconds]?
        if let pulseWidths { rows = try list(pulseWidths, Nanoseconds.self, flag: "--pulse-widths") }
        var columns: [Rate]?
        if let frequencies {
            columns = try list(frequencies, Millihertz.self, flag: "--frequencies").map(Rate.frequency)
        }
        let shownRows = rows ?? (json ? nil : EnvelopeSelection.pulseWidths(limits.pulseWidth))
        let shownColumns =
            columns ?? (json ? nil : limits.waveforms.rates(for: configuration.waveform).map(EnvelopeSelection.rates))
        let envelope: SafeEnvelope
        do {
            envelope = try limits.safeEnvelope(for: configuration, pulseWidths: shownRows, rates: shownColumns)
        } catch {
            let reasons = error.findings.map { "  \($0.rule.name): \($0.message)" }.joined(separator: "\n")
            Terminal.error("No amplitude is safe for this configuration on \(profile.id):\n\(reasons)")
            throw ExitCode(1)
        }
        if json {
            try JSONOutput.write(
                EnvelopeReport(device: profile.id, contacts: configuration.contacts, envelope: envelope))
        } else {
            print(
                EnvelopeText.render(
                    profile: profile, configuration: configuration, envelope: envelope,
                    columns: wide ? nil : TextWidth.columns))
        }
    }

    private func makeConfiguration(_ limits: DeviceLimits) throws(InputError) -> EnvelopeConfiguration {
        var configuration = EnvelopeConfiguration(
            contacts: try ContactShorthand.parse(contacts, fractionStep: limits.fractionStep),
            waveform: try FlagValue.choice(waveform, Waveform.self, flag: "--waveform") ?? .tonic,
            recovery: try FlagValue.choice(recovery, Recovery.self, flag: "--recovery") ?? .active)
        if let pulsesPerBurst {
            configuration.pulsesPerBurst = try FlagValue.count(pulsesPerBurst, flag: "--pulses-per-burst")
        }
        if let intraBurstRate {
            configuration.intraBurstRate = try FlagValue.positive(
                intraBurstRate, Millihertz.self, flag: "--intra-burst-rate")
        }
        if let cycling { configuration.cycling = try FlagValue.cycling(cycling) }
        if let impedance {
            configuration.impedances = try ImpedanceDecoder.read(file: impedance, limits: limits)
        }
        return configuration
    }

    private func list<Quantity: FixedPoint>(_ text: String, _ type: Quantity.Type, flag: String) throws(InputError)
        -> [Quantity]
    {
        var values: [Quantity] = []
        for part in text.split(separator: ",") {
            values.append(try FlagValue.positive(String(part), type, flag: flag))
        }
        guard !values.isEmpty else { throw InputError(flag, "no values given") }
        return values
    }
}
