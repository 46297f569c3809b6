import Foundation
import RecordingFormat

extension JSONTextWriter {
    /// `value` as Foundation's `JSONEncoder` writes it in this writer's layout: for the small parts of a
    /// report that keep their compiler-made `Encodable`.
    public mutating func encoded(_ value: some Encodable) throws {
        raw(String(decoding: try Self.encoder(pretty: isPretty).encode(value), as: UTF8.self))
    }

    /// A computed figure as ``Figure`` writes it, `null` when there is none.
    public mutating func figure(_ value: Double?) {
        if let value { number(Figure(value).jsonText) } else { null() }
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
