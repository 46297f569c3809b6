import RecordingFormat
import TherapyLog

/// Writes one JSON document to standard output: camelCase keys, sorted, pretty-printed (or one line).
package enum JSONOutput {
    package static func write(_ value: some Encodable) throws {
        print(try encode(value))
    }

    package static func encode(_ value: some Encodable) throws -> String {
        try JSONTextWriter.encodedText(value, pretty: true)
    }

    /// `value` as one line of JSON (JSON Lines), keys sorted.
    static func line(_ value: some Encodable) throws -> String {
        try JSONTextWriter.encodedText(value, pretty: false)
    }
}
