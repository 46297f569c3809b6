import DeviceProfiles
import Report
import StimSafety

/// The envelope as a table a clinician reads: pulse width down, frequency across, mA in the cells.
enum EnvelopeText {
    /// The text; a table wider than `columns` is split into panels of fewer frequencies each, one below
    /// the other (nil: one table however wide, `--wide`).
    static func render(
        profile: DeviceProfile, configuration: EnvelopeConfiguration, envelope: SafeEnvelope,
        columns: Int? = TextWidth.columns
    ) -> String {
        var lines = [
            Terminal.escaped("Safe envelope — \(profile.id) (\(profile.name))"),
            Terminal.escaped(
                "Contacts \(ProgramText.contacts(configuration.contacts)) · \(configuration.waveform.rawValue) · "
                    + "\(configuration.recovery.rawValue) recovery"),
            "Largest amplitude in mA passing every error rule; after the slash, the largest that also raises",
            "no warning, where it is lower. — : no amplitude is safe (the pulse does not fit the period).",
            "",
        ]
        var panels = 1
        var tables = panelled(envelope, panels: 1)
        while let columns, panels < envelope.rates.count,
            tables.split(separator: "\n").contains(where: { $0.count > columns })
        {
            panels += 1
            tables = panelled(envelope, panels: panels)
        }
        lines.append(tables)
        return lines.joined(separator: "\n")
    }

    /// The table split into `panels` tables of consecutive frequencies, separated by a blank line.
    private static func panelled(_ envelope: SafeEnvelope, panels: Int) -> String {
        let size = (envelope.rates.count + panels - 1) / panels
        return stride(from: 0, to: envelope.rates.count, by: max(size, 1)).map { start in
            table(envelope, columns: start..<min(start + size, envelope.rates.count))
        }.joined(separator: "\n\n")
    }

    private static func table(_ envelope: SafeEnvelope, columns: Range<Int>) -> String {
        let header =
            ["µs \\ Hz"]
            + envelope.rates[columns].map { rate in
                if case .period = rate { return Format.number(rate.hertz, decimals: 2) }
                return Format.number(rate.hertz, decimals: 3)
            }
        var table = TextTable(header, alignments: Array(repeating: .right, count: header.count))
        for (row, width) in envelope.pulseWidths.enumerated() {
            table.add([width.decimalText] + columns.map { cell(envelope, row: row, column: $0) })
        }
        return table.render()
    }

    private static func cell(_ envelope: SafeEnvelope, row: Int, column: Int) -> String {
        guard let safe = envelope.maxAmplitude(row: row, column: column) else { return "—" }
        guard let quiet = envelope.maxAmplitudeWithoutWarnings(row: row, column: column) else {
            return safe.decimalText + "/—"
        }
        return quiet == safe ? safe.decimalText : "\(safe.decimalText)/\(quiet.decimalText)"
    }
}
