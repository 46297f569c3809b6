import DeviceProfiles
import SCSCommands
import StimSafety

/// The safe envelope of a program's contacts and waveform for the heat map: the largest safe amplitude
/// over the readable selection of pulse widths and rates that `scs envelope` shows, or the reasons no
/// amplitude is safe.
struct EnvelopeView: Encodable {
    var grid: EnvelopeReport?
    /// Why no amplitude is safe (each `rule: message`), when none is.
    var unsafe: [String]?

    init(_ program: StimProgram, profile: DeviceProfile, impedances: MeasuredImpedances?) {
        let limits = profile.limits
        let configuration = EnvelopeConfiguration(
            contacts: program.contacts, waveform: program.waveform, recovery: program.recovery,
            pulsesPerBurst: program.pulsesPerBurst, intraBurstRate: program.intraBurstRate,
            interphaseGap: program.interphaseGap, cycling: program.cycling, impedances: impedances ?? .none)
        do {
            let envelope = try limits.safeEnvelope(
                for: configuration, pulseWidths: EnvelopeSelection.pulseWidths(limits.pulseWidth),
                rates: limits.waveforms.rates(for: program.waveform).map(EnvelopeSelection.rates))
            grid = EnvelopeReport(device: profile.id, contacts: program.contacts, envelope: envelope)
        } catch {
            unsafe = error.findings.map { "\($0.rule.name): \($0.message)" }
        }
    }
}
