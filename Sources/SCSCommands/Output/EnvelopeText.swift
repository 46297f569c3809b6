import DeviceProfiles
import Report
import StimSafety

/// The envelope as a table a clinician reads: pulse width down, frequency across, mA in the cells.
enum EnvelopeText {
    static func render(profile: DeviceProfile, configuration: EnvelopeConfiguration, envelope: SafeEnvelope) -> String {
        var lines = [
            Terminal.escaped("Safe envelope — \(profile.id) (\(profile.name))"),
            Terminal.escaped(
                "Contacts \(ProgramText.contacts(configuration.contacts)) · \(configuration.waveform.rawValue) · "
                    + "\(configuration.recovery.rawValue) recovery"),
            "Largest amplitude in mA passing every error rule; after the slash, the largest that also raises",
            "no warning, where it is lower. — : no amplitude is safe (the pulse does not fit the period).",
            "",
        ]
        let header =
            ["µs \\ Hz"]
            + envelope.rates.map { rate in
                if case .period = rate { return Format.number(rate.hertz, decimals: 2) }
                return Format.number(rate.hertz, decimals: 3)
            }
        var table = TextTable(header, alignments: Array(repeating: .right, count: header.count))
        for (row, width) in envelope.pulseWidths.enumerated() {
            var cells = [width.decimalText]
            for column in envelope.rates.indices {
                cells.append(cell(envelope, row: row, column: column))
            }
            table.add(cells)
        }
        lines.append(table.render())
        return lines.joined(separator: "\n")
    }

    private static func cell(_ envelope: SafeEnvelope, row: Int, column: Int) -> String {
        guard let safe = envelope.maxAmplitude(row: row, column: column) else { return "—" }
        guard let quiet = envelope.maxAmplitudeWithoutWarnings(row: row, column: column) else {
            return safe.decimalText + "/—"
        }
        return quiet == safe ? safe.decimalText : "\(safe.decimalText)/\(quiet.decimalText)"
    }
}
