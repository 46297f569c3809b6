import ArgumentParser
import DeviceProfiles
import StimSafety

/// `scs tour`: the main job on the bundled defaults — the devices, a safe and an unsafe program with
/// the reasons, and the safe envelope of a bipolar lead configuration.
struct TourCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tour", abstract: "A guided tour on the bundled device profiles.")

    @OptionGroup var catalog: CatalogOptions
    @Option(help: "The device the tour programs.") var device = "tonic-16"

    func run() throws {
        let profiles = try catalog.loadProfiles()
        guard let profile = profiles.first(where: { $0.id == device }) else {
            throw InputError(
                "--device", "unknown device '\(device)' (known: \(profiles.map(\.id).joined(separator: ", ")))")
        }
        section("1. The device profiles (Devices/*.yaml): what each stimulator can output")
        print(DeviceSummary.table(profiles.map(DeviceSummary.init)))

        let contacts = try ContactShorthand.parse("1-,2+", fractionStep: profile.limits.fractionStep)
        section("2. A safe program: 5 mA, 300 µs, 50 Hz on contacts 1− 2+")
        show(
            StimProgram(
                amplitude: Nanoamps(units: 5), pulseWidth: Nanoseconds(units: 300),
                rate: .frequency(Millihertz(units: 50)), contacts: contacts), on: profile)

        section("3. An unsafe program: 10 mA, 500 µs — rejected, with the reasons and the numbers")
        show(
            StimProgram(
                amplitude: Nanoamps(units: 10), pulseWidth: Nanoseconds(units: 500),
                rate: .frequency(Millihertz(units: 50)), contacts: contacts), on: profile)

        section("4. The safe envelope of contacts 1− 2+: the largest safe amplitude per pulse width and frequency")
        let configuration = EnvelopeConfiguration(contacts: contacts)
        let rates = profile.limits.waveforms.rates(for: .tonic).map(EnvelopeSelection.rates)
        let envelope = try profile.limits.safeEnvelope(
            for: configuration, pulseWidths: EnvelopeSelection.pulseWidths(profile.limits.pulseWidth), rates: rates)
        print(EnvelopeText.render(profile: profile, configuration: configuration, envelope: envelope))

        section("Next")
        print(
            """
            scs validate --device \(profile.id) --amplitude 7 --pulse-width 300 --frequency 50 --contacts "1-,2+"
            scs envelope --device \(profile.id) --contacts "1-60,2-40,3+" --json
            scs check Tests/Plans/presets.yaml --junit check.xml
            """)
    }

    private func section(_ title: String) {
        print("\n" + Terminal.paint(title, .bold) + "\n")
    }

    private func show(_ program: StimProgram, on profile: DeviceProfile) {
        let validation = profile.limits.validate(program)
        print(ValidationText.render(profile: profile, program: program, validation: validation, acknowledged: []))
    }
}
