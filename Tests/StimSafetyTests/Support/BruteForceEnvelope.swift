@testable import StimSafety

/// The safe envelope computed the slow, obvious way: every amplitude of the grid goes through
/// `validate`, and a cell keeps the largest that passes. The reference the closed forms must equal.
struct BruteForceEnvelope {
    /// Per cell, row-major: the largest amplitude without errors, and without errors or warnings.
    var errorFree: [Nanoamps?]
    var warningFree: [Nanoamps?]

    init(
        _ limits: DeviceLimits, _ configuration: EnvelopeConfiguration, pulseWidths: [Nanoseconds], rates: [Rate]
    ) {
        let context = ValidationContext(impedances: configuration.impedances)
        let amplitudes = limits.amplitude.values
        errorFree = []
        warningFree = []
        for width in pulseWidths {
            for rate in rates {
                var bestWithoutErrors: Nanoamps?
                var bestWithoutFindings: Nanoamps?
                for amplitude in amplitudes {
                    let program = StimProgram(
                        amplitude: amplitude, pulseWidth: width, rate: rate, waveform: configuration.waveform,
                        pulsesPerBurst: configuration.pulsesPerBurst, intraBurstRate: configuration.intraBurstRate,
                        contacts: configuration.contacts, recovery: configuration.recovery,
                        interphaseGap: configuration.interphaseGap, cycling: configuration.cycling)
                    let findings = limits.validate(program, context: context).findings
                    if !findings.contains(where: { $0.severity == .error }) { bestWithoutErrors = amplitude }
                    if findings.isEmpty { bestWithoutFindings = amplitude }
                }
                errorFree.append(bestWithoutErrors)
                warningFree.append(bestWithoutFindings)
            }
        }
    }
}

extension SafeEnvelope {
    /// Both bounds of every cell, row-major, in the brute force's layout.
    var cells: (errorFree: [Nanoamps?], warningFree: [Nanoamps?]) {
        var errorFree: [Nanoamps?] = []
        var warningFree: [Nanoamps?] = []
        for row in pulseWidths.indices {
            for column in rates.indices {
                errorFree.append(maxAmplitude(row: row, column: column))
                warningFree.append(maxAmplitudeWithoutWarnings(row: row, column: column))
            }
        }
        return (errorFree, warningFree)
    }
}
