import Foundation
import RecordingFormat

extension JSONTextWriter {
    /// A member whose value is written as Foundation's `JSONEncoder` writes it in this writer's layout:
    /// for the small parts of a report that keep their compiler-made `Encodable`.
    public mutating func member(_ key: String, encoded value: some Encodable) throws {
        self.key(key)
        raw(try Self.encodedText(value, pretty: isPretty))
    }

    /// A computed figure's member as ``Figure`` writes it, `null` when there is none.
    public mutating func member(_ key: String, figure value: Double?) {
        self.key(key)
        if let value { number(Figure(value).jsonText) } else { null() }
    }

    /// `value` as ``encoder(pretty:)`` writes it.
    public static func encodedText(_ value: some Encodable, pretty: Bool) throws -> String {
        String(decoding: try encoder(pretty: pretty).encode(value), as: UTF8.self)
    }

    /// The encoder of every JSON document scs writes: keys sorted, slashes as they are, an infinite or
    /// undefined number as the string `Infinity`, `-Infinity` or `NaN`; pretty-printed or on one line.
    public static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }
}
