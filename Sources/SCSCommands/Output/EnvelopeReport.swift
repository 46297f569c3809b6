import StimSafety
import TherapyLog

/// The JSON document of `scs envelope`: rows of pulse widths, columns of frequencies, mA in the cells
/// (null where no amplitude is safe).
package struct EnvelopeReport: Encodable {
    var device: String
    var contacts: [String: Double]
    /// µs.
    var pulseWidths: [Double]
    /// Hz.
    var frequencies: [Figure]
    /// The largest amplitude passing every error rule, mA, `[pulse width][frequency]`.
    var maxAmplitude: [[Double?]]
    /// The largest amplitude passing every error and warning rule, mA.
    var maxAmplitudeWithoutWarnings: [[Double?]]

    package init(device: String, contacts: [ContactShare], envelope: SafeEnvelope) {
        self.device = device
        self.contacts = Dictionary(contacts.map { ($0.contact.description, $0.percent.doubleValue) }) { first, _ in
            first
        }
        pulseWidths = envelope.pulseWidths.map(\.doubleValue)
        frequencies = envelope.rates.map { Figure($0.hertz) }
        let rows = envelope.pulseWidths.indices
        let columns = envelope.rates.indices
        maxAmplitude = rows.map { row in columns.map { envelope.maxAmplitude(row: row, column: $0)?.doubleValue } }
        maxAmplitudeWithoutWarnings = rows.map { row in
            columns.map { envelope.maxAmplitudeWithoutWarnings(row: row, column: $0)?.doubleValue }
        }
    }
}
